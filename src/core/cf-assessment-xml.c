/* cf-assessment-xml.c — a product's assessment as XML, written with
 * xmlTextWriter and read back only after data/conformity-assessment.xsd
 * has accepted it
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-assessment-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "cf-assessment-xml.h"
#include "cf-classification.h"
#include "cf-error.h"
#include "cf-routing.h"

#define SCHEMA_RESOURCE "/io/github/conformity/Conformity/schema/conformity-assessment.xsd"
#define FORMAT_VERSION "1"

/* libxml2's own messages are quoted in ours; a hostile file could put
 * anything into them. */
#define MAX_QUOTED_MESSAGE 300

/* ─── The data ─── */

static void
requirement_free (CfAssessedRequirement *r)
{
  g_free (r->id);
  g_free (r->reference);
  g_free (r->text);
  g_free (r->status);
  g_free (r->justification);
  g_free (r->measures);
  g_strfreev (r->standards);
  g_clear_pointer (&r->threats, g_array_unref);
  g_clear_pointer (&r->evidence, g_array_unref);
  g_free (r);
}

static CfAssessedRequirement *
requirement_new (void)
{
  CfAssessedRequirement *r = g_new0 (CfAssessedRequirement, 1);

  r->threats = g_array_new (FALSE, FALSE, sizeof (gint));
  r->evidence = g_array_new (FALSE, FALSE, sizeof (gint64));
  return r;
}

static void
threat_free (CfAssessedThreat *t)
{
  g_free (t->title);
  g_free (t->asset);
  g_free (t->stride);
  g_free (t->description);
  g_free (t->treatment);
  g_free (t->mitigations);
  g_free (t);
}

static void
evidence_free (CfAssessedEvidence *e)
{
  g_free (e->title);
  g_free (e->kind);
  g_free (e->file_name);
  g_free (e->media_type);
  g_free (e->sha256);
  g_free (e->valid_until);
  g_strfreev (e->requirements);
  g_free (e);
}

static CfAssessmentData *
data_new (void)
{
  CfAssessmentData *data = g_new0 (CfAssessmentData, 1);

  data->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) requirement_free);
  data->threats = g_ptr_array_new_with_free_func ((GDestroyNotify) threat_free);
  data->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_free);
  return data;
}

static GStrv
strv_copy_or_empty (const char * const *strv)
{
  return strv != NULL ? g_strdupv ((char **) strv) : g_new0 (char *, 1);
}

void
cf_assessment_data_free (CfAssessmentData *data)
{
  if (data == NULL)
    return;

  g_free (data->exported_at);
  g_free (data->product_name);
  g_free (data->product_model);
  g_free (data->product_version);
  g_free (data->manufacturer_name);
  g_free (data->manufacturer_address);
  g_free (data->category);
  g_free (data->procedure);
  g_strfreev (data->procedures);
  g_free (data->intended_purpose);
  g_clear_pointer (&data->requirements, g_ptr_array_unref);
  g_clear_pointer (&data->threats, g_ptr_array_unref);
  g_clear_pointer (&data->evidence, g_ptr_array_unref);
  g_free (data);
}

/**
 * cf_assessment_data_find_requirement:
 *
 * Returns: (transfer none) (nullable): the requirement with catalogue id @id
 */
CfAssessedRequirement *
cf_assessment_data_find_requirement (CfAssessmentData *data,
                                     const char       *id)
{
  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->requirements->len; i++)
    {
      CfAssessedRequirement *r = g_ptr_array_index (data->requirements, i);

      if (g_strcmp0 (r->id, id) == 0)
        return r;
    }

  return NULL;
}

/**
 * cf_assessment_data_find_evidence:
 *
 * Returns: (transfer none) (nullable): the evidence item with id @id
 */
CfAssessedEvidence *
cf_assessment_data_find_evidence (CfAssessmentData *data,
                                  gint64            id)
{
  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < data->evidence->len; i++)
    {
      CfAssessedEvidence *e = g_ptr_array_index (data->evidence, i);

      if (e->id == id)
        return e;
    }

  return NULL;
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ─── Loading from the store ─── */

static void
load_requirements (CfAssessmentData *data,
                   CfCatalogue      *catalogue,
                   GPtrArray        *assessments,
                   GPtrArray        *evidence)
{
  g_autoptr(GPtrArray) items = cf_requirements_list (catalogue);
  g_autoptr(GHashTable) recorded = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < assessments->len; i++)
    {
      CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      g_hash_table_insert (recorded, a->requirement, a);
    }

  for (guint i = 0; i < items->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (items, i);
      CfAssessedRequirement *r = requirement_new ();
      CfRequirementAssessment *a;

      r->id = g_strdup (cf_catalogue_item_get_id (item));
      /* The full reference reads better in a dossier than the short one
       * the window's narrow columns use. */
      r->reference = cf_catalogue_item_get_ref (item) != NULL
                     ? g_strdup (cf_catalogue_item_get_ref (item))
                     : cf_requirement_short_ref (item);
      r->text = g_strdup (cf_catalogue_item_get_text (item));

      a = g_hash_table_lookup (recorded, r->id);
      if (a != NULL)
        {
          r->assessed = TRUE;
          r->applies = a->applies;
          r->status = g_strdup (cf_status_to_id (a->status));
          r->justification = g_strdup (a->justification);
          r->measures = g_strdup (a->measures);
          r->standards = strv_copy_or_empty ((const char * const *) a->standards);
          if (a->threats != NULL)
            g_array_append_vals (r->threats, a->threats->data, a->threats->len);
        }
      else
        {
          r->standards = g_new0 (char *, 1);
        }

      for (guint e = 0; e < evidence->len; e++)
        {
          CfEvidence *item_evidence = g_ptr_array_index (evidence, e);

          if (cf_evidence_has_requirement (item_evidence, r->id))
            {
              gint64 id = cf_evidence_get_id (item_evidence);

              g_array_append_val (r->evidence, id);
            }
        }

      g_ptr_array_add (data->requirements, r);
    }
}

static void
load_threats (CfAssessmentData *data,
              GPtrArray        *threats)
{
  for (guint i = 0; i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      CfAssessedThreat *t = g_new0 (CfAssessedThreat, 1);

      t->number = cf_threat_get_number (threat);
      t->title = g_strdup (cf_threat_get_title (threat));
      t->asset = g_strdup (cf_threat_get_asset (threat));
      t->stride = g_strdup (cf_threat_get_stride (threat));
      t->description = g_strdup (cf_threat_get_description (threat));
      t->likelihood = cf_threat_get_likelihood (threat);
      t->impact = cf_threat_get_impact (threat);
      if (cf_threat_has_residual (threat))
        {
          t->residual_likelihood = cf_threat_get_residual_likelihood (threat);
          t->residual_impact = cf_threat_get_residual_impact (threat);
        }
      t->treatment = g_strdup (cf_threat_get_treatment (threat));
      t->mitigations = g_strdup (cf_threat_get_mitigations (threat));
      g_ptr_array_add (data->threats, t);
    }
}

static void
load_evidence (CfAssessmentData *data,
               GPtrArray        *evidence)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      CfEvidence *item = g_ptr_array_index (evidence, i);
      const CfEvidenceVersion *latest = cf_evidence_get_latest (item);
      CfAssessedEvidence *e = g_new0 (CfAssessedEvidence, 1);

      e->id = cf_evidence_get_id (item);
      e->title = g_strdup (cf_evidence_get_title (item));
      e->kind = g_strdup (cf_evidence_get_kind (item));
      e->valid_until = g_strdup (cf_evidence_get_valid_until (item));
      e->requirements = strv_copy_or_empty (cf_evidence_get_requirements (item));
      if (latest != NULL)
        {
          e->version = latest->version;
          e->file_name = g_strdup (latest->file_name);
          e->media_type = g_strdup (latest->media_type);
          e->size = latest->size;
          e->sha256 = g_strdup (latest->sha256);
        }
      g_ptr_array_add (data->evidence, e);
    }
}

/**
 * cf_assessment_data_load:
 *
 * Every essential requirement of the catalogue is listed, assessed or
 * not; the open procedures are Article 32 applied to the stored
 * classification and coverage, as everywhere else (cf_classification_routes()).
 *
 * Returns: (transfer full): the assessment, or %NULL with @error set
 */
CfAssessmentData *
cf_assessment_data_load (CfStore      *store,
                         CfCatalogue  *catalogue,
                         gint64        product_id,
                         GError      **error)
{
  g_autoptr(CfAssessmentData) data = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfClassification) classification = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(CfAssessmentContext) context = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  g_autoptr(GPtrArray) routes = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) threats = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  product = cf_store_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;

  /* No manufacturer yet is not an error: the element is then left out. */
  manufacturer = cf_store_get_manufacturer (store, &local_error);
  if (local_error == NULL)
    classification = cf_store_get_classification (store, product_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if ((info = cf_store_get_declaration_info (store, product_id, error)) == NULL ||
      (coverage = cf_store_get_coverage (store, product_id, error)) == NULL ||
      (context = cf_store_get_assessment_context (store, product_id, error)) == NULL ||
      (assessments = cf_store_list_requirement_assessments (store, product_id, error)) == NULL ||
      (threats = cf_store_list_threats (store, product_id, error)) == NULL ||
      (evidence = cf_store_list_evidence (store, product_id, error)) == NULL)
    return NULL;

  data = data_new ();
  data->exported_at = now_utc ();
  data->product_id = product_id;
  data->product_name = g_strdup (cf_product_get_name (product));
  data->product_model = g_strdup (cf_product_get_model (product));
  data->product_version = g_strdup (cf_product_get_version (product));
  data->intended_purpose = g_strdup (cf_record_get_field (CF_RECORD (context), "intended-purpose"));
  if (manufacturer != NULL)
    {
      data->manufacturer_name = g_strdup (cf_record_get_field (CF_RECORD (manufacturer), "name"));
      data->manufacturer_address = g_strdup (cf_record_get_field (CF_RECORD (manufacturer),
                                                                  "address"));
    }

  if (classification != NULL)
    data->category = g_strdup (cf_category_to_id (classification->category));
  data->procedure = g_strdup (cf_procedure_to_id (cf_declaration_info_get_procedure (info)));
  routes = cf_classification_routes (catalogue, classification, coverage);
  data->procedures = cf_routing_usable_ids (routes);

  load_requirements (data, catalogue, assessments, evidence);
  load_threats (data, threats);
  load_evidence (data, evidence);

  return g_steal_pointer (&data);
}

/* ─── Writing ─── */

/* XML 1.0 Char: what a document may contain, even as a character reference. */
static inline gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Text the user typed can hold anything. XML 1.0 cannot carry C0 controls
 * other than tab, line feed and carriage return, nor U+FFFE and U+FFFF,
 * not even escaped: those become U+FFFD (as do invalid UTF-8 bytes), so
 * the file is always well-formed. Everything else is kept exactly; the
 * writer escapes carriage returns, and tabs and line feeds in attributes,
 * so parsing does not normalise them away. */
static char *
xml_safe (const char *text)
{
  char *valid = g_utf8_make_valid (text, -1);
  const char *p;
  GString *safe;

  for (p = valid; *p != '\0' && is_xml_char (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p == '\0')
    return valid;

  safe = g_string_new_len (valid, p - valid);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_len (safe, p, g_utf8_next_char (p) - p);
      else
        g_string_append_unichar (safe, 0xFFFD);
    }
  g_free (valid);

  return g_string_free (safe, FALSE);
}

/* Each call is a no-op once one has failed, so the writer below reads as
 * the document it writes and checks once at the end. */
typedef struct
{
  xmlTextWriterPtr writer;
  gboolean         failed;
} Writer;

static void
start (Writer     *w,
       const char *name)
{
  if (!w->failed && xmlTextWriterStartElement (w->writer, (const xmlChar *) name) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (!w->failed && xmlTextWriterEndElement (w->writer) < 0)
    w->failed = TRUE;
}

/* Nothing is written for NULL: an absent element or attribute reads back as NULL. */
static void
attribute (Writer     *w,
           const char *name,
           const char *value)
{
  g_autofree char *safe = NULL;

  if (w->failed || value == NULL)
    return;

  safe = xml_safe (value);
  if (xmlTextWriterWriteAttribute (w->writer, (const xmlChar *) name, (const xmlChar *) safe) < 0)
    w->failed = TRUE;
}

static void
attribute_int (Writer     *w,
               const char *name,
               gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  attribute (w, name, buffer);
}

static void
element (Writer     *w,
         const char *name,
         const char *text)
{
  g_autofree char *safe = NULL;

  if (w->failed || text == NULL)
    return;

  safe = xml_safe (text);
  if (xmlTextWriterWriteElement (w->writer, (const xmlChar *) name, (const xmlChar *) safe) < 0)
    w->failed = TRUE;
}

static void
write_requirement (Writer                *w,
                   CfAssessedRequirement *r)
{
  start (w, "requirement");
  attribute (w, "id", r->id);
  attribute (w, "reference", r->reference);
  attribute (w, "assessed", r->assessed ? "true" : "false");
  if (r->assessed)
    {
      attribute (w, "applies", r->applies ? "true" : "false");
      attribute (w, "status", r->status);
    }
  element (w, "text", r->text);
  element (w, "justification", r->justification);
  element (w, "measures", r->measures);
  for (guint i = 0; r->standards != NULL && r->standards[i] != NULL; i++)
    element (w, "standard", r->standards[i]);
  for (guint i = 0; r->threats != NULL && i < r->threats->len; i++)
    {
      start (w, "threat-ref");
      attribute_int (w, "number", g_array_index (r->threats, gint, i));
      end (w);
    }
  for (guint i = 0; r->evidence != NULL && i < r->evidence->len; i++)
    {
      start (w, "evidence-ref");
      attribute_int (w, "id", g_array_index (r->evidence, gint64, i));
      end (w);
    }
  end (w);
}

static void
write_threat (Writer           *w,
              CfAssessedThreat *t)
{
  start (w, "threat");
  attribute_int (w, "number", t->number);
  attribute (w, "stride", t->stride);
  attribute_int (w, "likelihood", t->likelihood);
  attribute_int (w, "impact", t->impact);
  if (t->residual_likelihood != 0 || t->residual_impact != 0)
    {
      attribute_int (w, "residual-likelihood", t->residual_likelihood);
      attribute_int (w, "residual-impact", t->residual_impact);
    }
  attribute (w, "treatment", t->treatment);
  element (w, "title", t->title ?: "");
  element (w, "asset", t->asset ?: "");
  element (w, "description", t->description);
  element (w, "mitigations", t->mitigations);
  end (w);
}

static void
write_evidence (Writer             *w,
                CfAssessedEvidence *e)
{
  start (w, "item");
  attribute_int (w, "id", e->id);
  attribute (w, "kind", e->kind);
  attribute (w, "valid-until", e->valid_until);
  element (w, "title", e->title ?: "");
  /* Version 0: the item has no file (it never happens in a store). */
  if (e->version > 0)
    {
      start (w, "file");
      attribute_int (w, "version", e->version);
      attribute (w, "name", e->file_name ?: "");
      attribute (w, "media-type", e->media_type);
      {
        char size[32];

        g_snprintf (size, sizeof size, "%" G_GUINT64_FORMAT, e->size);
        attribute (w, "size", size);
      }
      attribute (w, "sha256", e->sha256);
      end (w);
    }
  for (guint i = 0; e->requirements != NULL && e->requirements[i] != NULL; i++)
    {
      start (w, "requirement-ref");
      attribute (w, "id", e->requirements[i]);
      end (w);
    }
  end (w);
}

static void
write_document (Writer           *w,
                CfAssessmentData *data)
{
  g_autofree char *now = NULL;

  if (xmlTextWriterStartDocument (w->writer, NULL, "UTF-8", NULL) < 0 ||
      xmlTextWriterSetIndent (w->writer, 1) < 0 ||
      xmlTextWriterSetIndentString (w->writer, (const xmlChar *) "  ") < 0 ||
      xmlTextWriterStartElementNS (w->writer, NULL, (const xmlChar *) "assessment",
                                   (const xmlChar *) CF_ASSESSMENT_XML_NAMESPACE) < 0)
    {
      w->failed = TRUE;
      return;
    }

  attribute (w, "format-version", FORMAT_VERSION);
  if (data->exported_at == NULL)
    now = now_utc ();
  attribute (w, "exported-at", data->exported_at ?: now);

  start (w, "product");
  attribute_int (w, "id", data->product_id);
  element (w, "name", data->product_name ?: "");
  element (w, "model", data->product_model);
  element (w, "version", data->product_version);
  element (w, "intended-purpose", data->intended_purpose);
  end (w);

  if (data->manufacturer_name != NULL || data->manufacturer_address != NULL)
    {
      start (w, "manufacturer");
      element (w, "name", data->manufacturer_name ?: "");
      element (w, "address", data->manufacturer_address);
      end (w);
    }

  start (w, "classification");
  attribute (w, "category", data->category);
  attribute (w, "procedure", data->procedure);
  for (guint i = 0; data->procedures != NULL && data->procedures[i] != NULL; i++)
    {
      start (w, "open-procedure");
      attribute (w, "id", data->procedures[i]);
      end (w);
    }
  end (w);

  start (w, "requirements");
  for (guint i = 0; i < data->requirements->len; i++)
    write_requirement (w, g_ptr_array_index (data->requirements, i));
  end (w);

  start (w, "threats");
  for (guint i = 0; i < data->threats->len; i++)
    write_threat (w, g_ptr_array_index (data->threats, i));
  end (w);

  start (w, "evidence");
  for (guint i = 0; i < data->evidence->len; i++)
    write_evidence (w, g_ptr_array_index (data->evidence, i));
  end (w);

  end (w);
  if (!w->failed && xmlTextWriterEndDocument (w->writer) < 0)
    w->failed = TRUE;
}

/**
 * cf_assessment_xml_write:
 *
 * Writes UTF-8 XML in %CF_ASSESSMENT_XML_NAMESPACE. Texts are kept as
 * they are, except characters XML 1.0 cannot hold at all (C0 controls
 * other than tab, line feed and carriage return; U+FFFE; U+FFFF; bytes
 * that are not UTF-8), which are replaced with U+FFFD. When
 * @data->exported_at is %NULL, the current time is written.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GBytes *
cf_assessment_xml_write (CfAssessmentData  *data,
                         GError           **error)
{
  Writer w = { NULL, FALSE };
  xmlBufferPtr buffer;
  GBytes *bytes = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  if (buffer != NULL)
    w.writer = xmlNewTextWriterMemory (buffer, 0);
  if (w.writer == NULL)
    w.failed = TRUE;
  else
    write_document (&w, data);

  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&w.writer, xmlFreeTextWriter);

  if (!w.failed && buffer != NULL)
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  else
    g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                         _("The assessment could not be written as XML."));

  if (buffer != NULL)
    xmlBufferFree (buffer);

  return bytes;
}

/* ─── Reading ─── */

typedef struct
{
  const char *shown;
  GError     *error;
} ReadContext;

/* libxml2's messages end in a newline and may quote the input. */
static char *
quote_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message ? message : "", -1);
  GString *quoted = g_string_new (NULL);

  g_strstrip (valid);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_strlen (quoted->str, -1) >= MAX_QUOTED_MESSAGE)
        {
          g_string_append (quoted, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || c == 0xFFFD)
        g_string_append_c (quoted, ' ');
      else
        g_string_append_unichar (quoted, c);
    }

  return g_string_free (quoted, FALSE);
}

static void
fail_at (ReadContext *ctx,
         xmlNode     *node,
         const char  *problem)
{
  if (ctx->error != NULL)
    return;

  ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                            _("“%s” is not a valid assessment: line %ld: %s"),
                            ctx->shown, node != NULL ? xmlGetLineNo (node) : 0L, problem);
}

/* libxml2 reports through a global callback; keep the first problem
 * instead of letting it print to stderr. */
static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  xml_error)
{
  ReadContext *ctx = user_data;
  g_autofree char *message = NULL;

  if (ctx->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  message = quote_message (xml_error->message);
  ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                            _("“%s” is not well-formed XML: line %d: %s"),
                            ctx->shown, xml_error->line, message);
}

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  ReadContext *ctx = user_data;
  g_auto(GStrv) split = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *message = NULL;

  if (ctx->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  /* "Element '{https://…/1}threat'" is hard to read; the namespace is
   * the only one an assessment may use, so it goes without saying. */
  split = g_strsplit (xml_error->message ? xml_error->message : "",
                      "{" CF_ASSESSMENT_XML_NAMESPACE "}", -1);
  joined = g_strjoinv ("", split);
  message = quote_message (joined);
  ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                            _("“%s” does not follow the assessment schema: line %d: %s"),
                            ctx->shown, xml_error->line, message);
}

/* Problems in our own schema are reported as one message below. */
static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
}

/* Called as soon as <!DOCTYPE is read, before any entity is declared:
 * stopping here means no entity is ever defined, let alone expanded or
 * fetched. */
static void
refuse_doctype_cb (void          *user_data,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxtPtr parser = user_data;
  ReadContext *ctx = parser->_private;

  if (ctx->error == NULL)
    ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                              _("“%s” has a DOCTYPE at line %d, which an assessment must not "
                                "have (entities are never expanded)."),
                              ctx->shown, xmlSAX2GetLineNumber (parser));
  xmlStopParser (parser);
}

static xmlDoc *
parse (ReadContext *ctx,
       const char  *xml,
       gsize        length)
{
  xmlParserCtxtPtr parser;
  xmlDoc *doc;

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                                _("Could not start reading “%s”."), ctx->shown);
      return NULL;
    }
  parser->_private = ctx;
  parser->sax->internalSubset = refuse_doctype_cb;

  /* No network, no DTD loading, no entity substitution (XML_PARSE_NOENT
   * is not set), no XML_PARSE_HUGE; line numbers beyond 65535 kept. */
  xmlSetStructuredErrorFunc (ctx, parse_error_cb);
  doc = xmlCtxtReadMemory (parser, xml, (int) length, ctx->shown, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);

  if (ctx->error == NULL && doc == NULL)
    ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                              _("“%s” is not XML."), ctx->shown);

  /* The SAX hook stops any DOCTYPE; this is the belt to those braces. */
  if (ctx->error == NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    fail_at (ctx, (xmlNode *) doc->intSubset,
             _("a DOCTYPE is not allowed (entities are never expanded)"));

  if (ctx->error != NULL)
    g_clear_pointer (&doc, xmlFreeDoc);

  return doc;
}

static gboolean
validate (ReadContext *ctx,
          xmlDoc      *doc)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlSchemaParserCtxtPtr parser = NULL;
  xmlSchemaPtr schema = NULL;
  xmlSchemaValidCtxtPtr valid = NULL;
  gsize size;
  const char *text;
  int rc = -1;

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                                _("Cannot check “%s”: the assessment schema is missing (%s)."),
                                ctx->shown, local_error->message);
      return FALSE;
    }
  text = g_bytes_get_data (bytes, &size);

  /* The schema is ours and small: parsing it for each file keeps no
   * libxml2 state alive between calls or threads. */
  parser = xmlSchemaNewMemParserCtxt (text, (int) size);
  if (parser != NULL)
    {
      xmlSchemaSetParserStructuredErrors (parser, ignore_error_cb, NULL);
      schema = xmlSchemaParse (parser);
    }
  if (schema != NULL)
    valid = xmlSchemaNewValidCtxt (schema);
  if (valid != NULL)
    {
      xmlSchemaSetValidStructuredErrors (valid, schema_error_cb, ctx);
      rc = xmlSchemaValidateDoc (valid, doc);
    }
  else
    {
      ctx->error = g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT,
                                _("Cannot check “%s”: the assessment schema could not be read."),
                                ctx->shown);
    }

  if (rc != 0 && ctx->error == NULL)
    fail_at (ctx, xmlDocGetRootElement (doc), _("it does not follow the assessment schema"));

  g_clear_pointer (&valid, xmlSchemaFreeValidCtxt);
  g_clear_pointer (&schema, xmlSchemaFree);
  g_clear_pointer (&parser, xmlSchemaFreeParserCtxt);

  return ctx->error == NULL;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) CF_ASSESSMENT_XML_NAMESPACE) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;

  return NULL;
}

/* The element's text, kept exactly; NULL when the element is absent. */
static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = first_child (node, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;

  content = xmlNodeGetContent (child);
  text = g_strdup (content != NULL ? (const char *) content : "");
  xmlFree (content);
  return text;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Ids, numbers and enumerations: the schema compares them with the
 * surrounding white space collapsed, and so does the reader. */
static char *
get_token (xmlNode    *node,
           const char *name)
{
  char *value = get_attribute (node, name);

  return value != NULL ? g_strstrip (value) : NULL;
}

static gboolean
get_boolean (xmlNode    *node,
             const char *name)
{
  g_autofree char *value = get_token (node, name);

  return g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0;
}

/* The schema has checked the ranges; this only guards the conversion. */
static gint64
get_integer (ReadContext *ctx,
             xmlNode     *node,
             const char  *name,
             gint64       min,
             gint64       max)
{
  g_autofree char *value = get_token (node, name);
  gint64 number = 0;

  if (value == NULL)
    return 0;
  if (!g_ascii_string_to_signed (value, 10, min, max, &number, NULL))
    {
      g_autofree char *problem = g_strdup_printf (_("<%s> has an invalid %s"),
                                                  (const char *) node->name, name);

      fail_at (ctx, node, problem);
    }

  return number;
}

static guint64
get_size (ReadContext *ctx,
          xmlNode     *node)
{
  g_autofree char *value = get_token (node, "size");
  guint64 number = 0;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &number, NULL))
    fail_at (ctx, node, _("<file> has an invalid size"));

  return number;
}

static GStrv
child_texts (xmlNode    *node,
             const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      {
        xmlChar *content = xmlNodeGetContent (child);

        g_strv_builder_add (builder, content != NULL ? (const char *) content : "");
        xmlFree (content);
      }

  return g_strv_builder_end (builder);
}

static void
read_product (ReadContext      *ctx,
              CfAssessmentData *data,
              xmlNode          *product)
{
  data->product_id = get_integer (ctx, product, "id", 1, G_MAXINT64);
  data->product_name = child_text (product, "name");
  data->product_model = child_text (product, "model");
  data->product_version = child_text (product, "version");
  data->intended_purpose = child_text (product, "intended-purpose");
}

static void
read_classification (CfAssessmentData *data,
                     xmlNode          *classification)
{
  g_autoptr(GStrvBuilder) procedures = g_strv_builder_new ();

  data->category = get_token (classification, "category");
  data->procedure = get_token (classification, "procedure");
  for (xmlNode *child = classification->children; child != NULL; child = child->next)
    if (is_element (child, "open-procedure"))
      {
        g_autofree char *id = get_token (child, "id");

        g_strv_builder_add (procedures, id);
      }
  data->procedures = g_strv_builder_end (procedures);
}

static void
read_requirement (ReadContext      *ctx,
                  CfAssessmentData *data,
                  xmlNode          *node)
{
  CfAssessedRequirement *r = requirement_new ();
  g_autofree char *applies = get_token (node, "applies");

  g_ptr_array_add (data->requirements, r);
  r->id = get_token (node, "id");
  r->reference = get_attribute (node, "reference");
  r->assessed = get_boolean (node, "assessed");
  r->applies = get_boolean (node, "applies");
  r->status = get_token (node, "status");

  /* What XML Schema 1.0 cannot express: both or neither, by assessed. */
  if (r->assessed && (applies == NULL || r->status == NULL))
    fail_at (ctx, node, _("an assessed <requirement> needs both applies and status"));
  else if (!r->assessed && (applies != NULL || r->status != NULL))
    fail_at (ctx, node, _("a <requirement> that is not assessed cannot have applies or status"));

  r->text = child_text (node, "text");
  r->justification = child_text (node, "justification");
  r->measures = child_text (node, "measures");
  r->standards = child_texts (node, "standard");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "threat-ref"))
        {
          gint number = (gint) get_integer (ctx, child, "number", 1, G_MAXINT);

          g_array_append_val (r->threats, number);
        }
      else if (is_element (child, "evidence-ref"))
        {
          gint64 id = get_integer (ctx, child, "id", 1, G_MAXINT64);

          g_array_append_val (r->evidence, id);
        }
    }
}

static void
read_threat (ReadContext      *ctx,
             CfAssessmentData *data,
             xmlNode          *node)
{
  CfAssessedThreat *t = g_new0 (CfAssessedThreat, 1);
  g_autofree char *residual_likelihood = get_token (node, "residual-likelihood");
  g_autofree char *residual_impact = get_token (node, "residual-impact");

  g_ptr_array_add (data->threats, t);
  t->number = (gint) get_integer (ctx, node, "number", 1, G_MAXINT);
  t->stride = get_token (node, "stride");
  t->likelihood = (gint) get_integer (ctx, node, "likelihood", 1, 5);
  t->impact = (gint) get_integer (ctx, node, "impact", 1, 5);
  if ((residual_likelihood == NULL) != (residual_impact == NULL))
    fail_at (ctx, node, _("a <threat> needs both residual-likelihood and residual-impact, "
                          "or neither"));
  t->residual_likelihood = (gint) get_integer (ctx, node, "residual-likelihood", 1, 5);
  t->residual_impact = (gint) get_integer (ctx, node, "residual-impact", 1, 5);
  t->treatment = get_token (node, "treatment");
  t->title = child_text (node, "title");
  t->asset = child_text (node, "asset");
  t->description = child_text (node, "description");
  t->mitigations = child_text (node, "mitigations");
}

static void
read_evidence (ReadContext      *ctx,
               CfAssessmentData *data,
               xmlNode          *node)
{
  CfAssessedEvidence *e = g_new0 (CfAssessedEvidence, 1);
  g_autoptr(GStrvBuilder) requirements = g_strv_builder_new ();
  xmlNode *file = first_child (node, "file");

  g_ptr_array_add (data->evidence, e);
  e->id = get_integer (ctx, node, "id", 1, G_MAXINT64);
  e->kind = get_token (node, "kind");
  e->valid_until = get_token (node, "valid-until");
  e->title = child_text (node, "title");
  if (file != NULL)
    {
      e->version = (gint) get_integer (ctx, file, "version", 1, G_MAXINT);
      e->file_name = get_attribute (file, "name");
      e->media_type = get_attribute (file, "media-type");
      e->size = get_size (ctx, file);
      e->sha256 = get_token (file, "sha256");
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "requirement-ref"))
      {
        g_autofree char *id = get_token (child, "id");

        g_strv_builder_add (requirements, id);
      }
  e->requirements = g_strv_builder_end (requirements);
}

static CfAssessmentData *
read_document (ReadContext *ctx,
               xmlNode     *root)
{
  g_autoptr(CfAssessmentData) data = data_new ();
  xmlNode *node;

  data->exported_at = get_token (root, "exported-at");

  read_product (ctx, data, first_child (root, "product"));

  if ((node = first_child (root, "manufacturer")) != NULL)
    {
      data->manufacturer_name = child_text (node, "name");
      data->manufacturer_address = child_text (node, "address");
    }

  read_classification (data, first_child (root, "classification"));

  node = first_child (root, "requirements");
  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    if (is_element (child, "requirement"))
      read_requirement (ctx, data, child);

  node = first_child (root, "threats");
  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    if (is_element (child, "threat"))
      read_threat (ctx, data, child);

  node = first_child (root, "evidence");
  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    if (is_element (child, "item"))
      read_evidence (ctx, data, child);

  if (ctx->error != NULL)
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * cf_assessment_xml_read:
 * @xml: the document, not necessarily nul-terminated
 * @shown: how to name the file in messages
 *
 * Refuses a document over %CF_ASSESSMENT_XML_MAX_SIZE before parsing it,
 * and any DOCTYPE as soon as it starts: no entity is ever declared,
 * expanded or fetched, and nothing is read from the network. What is
 * left must be valid against the schema compiled into the program.
 *
 * Returns: (transfer full): the assessment, or %NULL with @error naming
 *   @shown, the line and the problem
 */
CfAssessmentData *
cf_assessment_xml_read (const char  *xml,
                        gsize        length,
                        const char  *shown,
                        GError     **error)
{
  ReadContext ctx = { shown, NULL };
  CfAssessmentData *data = NULL;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (xml != NULL || length == 0, NULL);
  g_return_val_if_fail (shown != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > CF_ASSESSMENT_XML_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (CF_ASSESSMENT_XML_MAX_SIZE,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is too large to be an assessment: %s, at most %s."),
                   shown, size, limit);
      return NULL;
    }

  doc = parse (&ctx, xml != NULL ? xml : "", length);
  if (doc == NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }

  /* Checked before the schema, whose message for this is cryptic. */
  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      fail_at (&ctx, NULL, _("there is no root element"));
    }
  else if (!is_element (root, "assessment"))
    {
      g_autofree char *problem = NULL;
      g_autofree char *quoted = NULL;

      if (root->ns == NULL)
        problem = g_strdup_printf (_("the root element is <%s> without a namespace; it must be "
                                     "<assessment xmlns=\"%s\">"),
                                   (const char *) root->name, CF_ASSESSMENT_XML_NAMESPACE);
      else
        problem = g_strdup_printf (_("the root element is <%s xmlns=\"%s\">; it must be "
                                     "<assessment xmlns=\"%s\">"),
                                   (const char *) root->name, (const char *) root->ns->href,
                                   CF_ASSESSMENT_XML_NAMESPACE);
      quoted = quote_message (problem);
      fail_at (&ctx, root, quoted);
    }

  if (ctx.error == NULL && validate (&ctx, doc))
    data = read_document (&ctx, root);

  xmlFreeDoc (doc);

  if (ctx.error != NULL)
    {
      g_clear_pointer (&data, cf_assessment_data_free);
      g_propagate_error (error, ctx.error);
      return NULL;
    }

  return data;
}
