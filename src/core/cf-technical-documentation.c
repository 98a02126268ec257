/* cf-technical-documentation.c — Annex VII, section by section, from the project
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-technical-documentation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cf-assessment-charts.h"
#include "cf-declaration.h"
#include "cf-doc-helpers.h"
#include "cf-doc-phrases.h"
#include "cf-requirement-assessment.h"
#include "cf-sbom-check.h"
#include "cf-technical-documentation.h"
#include "cf-threat.h"

/* Pictures larger than this are listed, not embedded. */
#define MAX_EMBEDDED_IMAGE (8 * 1024 * 1024)

typedef struct
{
  const CfDocumentInput *input;
  CfDocModel            *model;
} Builder;

#define T(english) cf_phrase (b->input->language, (english))

/* The words for ids, in English: the document's language decides, not the
 * window's, so the catalogue labels translated for the window won't do. */
static const char *
kind_words (const char *kind)
{
  static const char * const words[][2] = {
    { "test-report", PHRASE ("Test report") }, { "design-document", PHRASE ("Design document") }, { "policy", PHRASE ("Policy") },
    { "penetration-test", PHRASE ("Penetration test") }, { "sbom", PHRASE ("Software bill of materials") },
    { "certificate", PHRASE ("Certificate") }, { "screenshot", PHRASE ("Screenshot") }, { "other", PHRASE ("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i][0], kind) == 0)
      return words[i][1];

  return kind;
}

static const char *
status_words (CfStatus status)
{
  switch (status)
    {
    case CF_STATUS_NOT_STARTED: return PHRASE ("Not started");
    case CF_STATUS_IN_PROGRESS: return PHRASE ("In progress");
    case CF_STATUS_IMPLEMENTED: return PHRASE ("Implemented");
    case CF_STATUS_VERIFIED: return PHRASE ("Verified");
    default: return "";
    }
}

static const char *
treatment_words (const char *treatment)
{
  static const char * const words[][2] = {
    { "mitigate", PHRASE ("Mitigate") }, { "accept", PHRASE ("Accept") }, { "transfer", PHRASE ("Transfer") }, { "avoid", PHRASE ("Avoid") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i][0], treatment) == 0)
      return words[i][1];

  return treatment;
}

static void
heading (Builder    *b,
         guint       level,
         const char *text)
{
  cf_doc_model_add_heading (b->model, level, text);
}

/* A section of Annex VII: its heading (the catalogue's short label) and the
 * regulation's own words for it. */
static void
section (Builder    *b,
         guint       level,
         const char *item_id)
{
  heading (b, level, cf_doc_item_label (b->input, item_id));
  cf_doc_add_regulation_text (b->model, b->input, item_id);
}

static GPtrArray *
evidence_of_kind (Builder    *b,
                  const char *kind)
{
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *all = b->input->status->evidence;

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (kind == NULL || g_strcmp0 (cf_evidence_get_kind (g_ptr_array_index (all, i)), kind) == 0)
      g_ptr_array_add (found, g_ptr_array_index (all, i));

  return found;
}

/* A list of evidence items with their hashes, or a visible placeholder. */
static void
list_evidence (Builder    *b,
               GPtrArray  *items,
               const char *none)
{
  CfDocBlock *list;

  if (items->len == 0)
    {
      cf_doc_add_missing (b->model, b->input, none);
      return;
    }

  list = cf_doc_model_add_list (b->model, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      CfEvidence *evidence = g_ptr_array_index (items, i);
      CfDocRow *item = cf_doc_list_add_item (list);
      const CfEvidenceVersion *v = cf_evidence_get_latest (evidence);
      g_autofree char *id = g_strdup_printf (" (E%" PRId64 ", %s, v%d)", cf_evidence_get_id (evidence),
                                             T (kind_words (cf_evidence_get_kind (evidence))),
                                             v ? v->version : 0);
      g_autofree char *hash = g_strdup_printf ("%s · SHA-256 ", v ? v->file_name : "");

      cf_doc_row_add_run (item, CF_DOC_STYLE_BOLD, cf_evidence_get_title (evidence));
      cf_doc_row_add_run (item, CF_DOC_STYLE_NORMAL, id);
      cf_doc_row_add_run (item, CF_DOC_STYLE_NORMAL, "\n");
      cf_doc_row_add_run (item, CF_DOC_STYLE_NORMAL, hash);
      cf_doc_row_add_run (item, CF_DOC_STYLE_CODE, v ? v->sha256 : "");
    }
}

static const CfRequirementAssessment *
find_assessment (GPtrArray  *assessments,
                 const char *requirement)
{
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      const CfRequirementAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->requirement, requirement) == 0)
        return a;
    }

  return NULL;
}

/* Title page, contents, and a notice while anything is missing. */
static void
front_matter (Builder     *b,
              CfReadiness *readiness,
              const char  *number)
{
  const CfDocumentInput *input = b->input;
  g_autofree char *product_name = cf_product_dup_display_name (input->status->product);
  g_autofree char *date = g_date_time_format (input->issued, "%Y-%m-%d");
  g_autofree char *version = g_strdup_printf ("%d", input->version);

  cf_doc_model_set_title_page (b->model, TRUE);
  cf_doc_model_add_text (b->model, CF_DOC_BLOCK_TITLE, T ("Technical Documentation"));
  cf_doc_model_add_text (b->model, CF_DOC_BLOCK_SUBTITLE,
                         T ("Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 31 and Annex VII"));
  cf_doc_model_add_title_page_row (b->model, T ("Product"), product_name);
  cf_doc_model_add_title_page_row (b->model, T ("Manufacturer"),
                                   cf_doc_field (input->manufacturer, "name") ?: T ("not recorded"));
  cf_doc_model_add_title_page_row (b->model, T ("Document"), number);
  cf_doc_model_add_title_page_row (b->model, T ("Version"), version);
  cf_doc_model_add_title_page_row (b->model, T ("Date"), date);

  if (cf_doc_is_example (input))
    {
      CfDocBlock *notice = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_NOTICE);

      cf_doc_block_add_run (notice, CF_DOC_STYLE_BOLD, T ("EXAMPLE. "));
      cf_doc_block_add_run (notice, CF_DOC_STYLE_NORMAL,
                            T ("Generated from Conformity’s example data, which is fictitious. This is not the "
                               "technical documentation of a real product."));
    }
  if (!readiness->ready)
    {
      CfDocBlock *notice = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_NOTICE);
      g_autofree char *count = g_strdup_printf ("%u", readiness->missing->len);
      g_autofree char *text = cf_phrase_format (input->language,
                                                "The risk assessment is not complete: {count} items are missing "
                                                "before a declaration of conformity (see section 3.4). This "
                                                "documentation is a draft.",
                                                "count", count, NULL);

      cf_doc_block_add_run (notice, CF_DOC_STYLE_BOLD, T ("DRAFT. "));
      cf_doc_block_add_run (notice, CF_DOC_STYLE_NORMAL, text);
    }

  cf_doc_model_add_toc (b->model);
}

/* 1. General description */
static void
general_description (Builder *b)
{
  const CfDocumentInput *input = b->input;
  CfProduct *product = input->status->product;
  CfDocBlock *kv;
  g_autoptr(GPtrArray) pictures = evidence_of_kind (b, "screenshot");
  g_autoptr(GPtrArray) user_info = NULL;
  guint embedded = 0;

  section (b, 1, "AnnexVII.1");
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Product name"), cf_doc_field (product, "name"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Type or model"), cf_doc_field (product, "model"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Description"), cf_doc_field (product, "description"), NULL);
  cf_doc_add_kv (kv, T ("Manufacturer"), cf_doc_field (input->manufacturer, "name"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Address"), cf_doc_field (input->manufacturer, "address"), NULL);
  if (input->status->classification != NULL)
    {
      g_autofree char *rationale = cf_classification_rationale (input->catalogue, input->status->classification);

      cf_doc_add_kv (kv, T ("Category"), rationale, NULL);
    }

  section (b, 2, "AnnexVII.1.a");
  if (cf_doc_field (input->status->context, "intended-purpose") != NULL)
    cf_doc_add_paragraph (b->model, cf_doc_field (input->status->context, "intended-purpose"));
  else
    cf_doc_add_missing (b->model, input, T ("The intended purpose is not recorded (Risks, Context of the "
                                            "Assessment)."));

  section (b, 2, "AnnexVII.1.b");
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Version"), cf_doc_field (product, "version"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Additional identification"), cf_doc_field (product, "identification"), NULL);

  section (b, 2, "AnnexVII.1.c");
  for (guint i = 0; i < pictures->len; i++)
    {
      CfEvidence *evidence = g_ptr_array_index (pictures, i);
      const CfEvidenceVersion *v = cf_evidence_get_latest (evidence);
      g_autoptr(GOutputStream) out = NULL;
      g_autoptr(GBytes) png = NULL;
      g_autofree char *caption = NULL;

      if (v == NULL || g_strcmp0 (v->media_type, "image/png") != 0 || v->size > MAX_EMBEDDED_IMAGE)
        continue;

      out = g_memory_output_stream_new_resizable ();
      if (!cf_store_write_evidence (input->store, cf_evidence_get_id (evidence), 0, out, NULL, NULL) ||
          !g_output_stream_close (out, NULL, NULL))
        continue;

      png = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      caption = g_strdup_printf ("%s (E%" PRId64 ", SHA-256 %s)", cf_evidence_get_title (evidence),
                                 cf_evidence_get_id (evidence), v->sha256);
      cf_doc_model_add_image (b->model, png, caption);
      embedded++;
    }
  if (embedded < pictures->len)
    list_evidence (b, pictures, "");
  if (pictures->len == 0)
    cf_doc_add_missing (b->model, input,
                        T ("No photographs or illustrations are recorded. For a hardware product, attach them "
                           "as evidence of the kind Screenshot (PNG images are shown here)."));

  section (b, 2, "AnnexVII.1.d");
  user_info = cf_store_list_documents (input->store, input->product_id, NULL);
  {
    CfDocumentInfo *latest = NULL;

    for (guint i = 0; user_info != NULL && i < user_info->len; i++)
      {
        CfDocumentInfo *d = g_ptr_array_index (user_info, i);

        if (g_strcmp0 (cf_document_info_get_kind (d), CF_DOCUMENT_KIND_USER_INFORMATION) == 0 &&
            (latest == NULL || cf_document_info_get_version (d) > cf_document_info_get_version (latest)))
          latest = d;
      }

    if (latest != NULL)
      {
        g_autofree char *version = g_strdup_printf ("%d", cf_document_info_get_version (latest));
        g_autofree char *text = cf_phrase_format (input->language,
                                                  "The information and instructions to the user are the "
                                                  "document “{title}”, version {version} of {date} ({language}).",
                                                  "title", T ("Information and Instructions to the User"),
                                                  "version", version,
                                                  "date", cf_document_info_get_created_at (latest),
                                                  "language", cf_document_info_get_language (latest), NULL);
        CfDocBlock *block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);

        cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);
        cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, " SHA-256 ");
        cf_doc_block_add_run (block, CF_DOC_STYLE_CODE, cf_document_info_get_sha256 (latest));
      }
    else
      cf_doc_add_missing (b->model, input,
                          T ("The information and instructions to the user (Annex II) have not been generated "
                             "yet."));
  }
}

/* Measures recorded for a requirement, as the design describes them. */
static void
measures_of (Builder    *b,
             const char *requirement)
{
  const CfRequirementAssessment *a = find_assessment (b->input->status->assessments, requirement);
  CfCatalogueItem *item = cf_catalogue_lookup (b->input->catalogue, requirement);
  g_autofree char *ref = item ? cf_requirement_short_ref (item) : g_strdup (requirement);
  CfDocBlock *block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);
  g_autofree char *lead = g_strdup_printf ("%s %s: ", ref, cf_doc_item_label (b->input, requirement));

  cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, lead);
  if (a != NULL && a->measures != NULL)
    cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, a->measures);
  else
    cf_doc_block_add_run (block, CF_DOC_STYLE_PLACEHOLDER, T ("no measures recorded"));
}

/* Evidence supporting a requirement. */
static GPtrArray *
evidence_for (Builder    *b,
              const char *requirement)
{
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *all = b->input->status->evidence;

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (cf_evidence_has_requirement (g_ptr_array_index (all, i), requirement))
      g_ptr_array_add (found, g_ptr_array_index (all, i));

  return found;
}

/* 2. Design, development, production and vulnerability handling */
static void
design_and_processes (Builder *b)
{
  const CfDocumentInput *input = b->input;
  g_autoptr(GPtrArray) designs = evidence_of_kind (b, "design-document");
  g_autoptr(GPtrArray) sboms = evidence_of_kind (b, "sbom");
  g_autoptr(GPtrArray) policies = evidence_for (b, "AnnexI.PartII.5");
  static const char * const part_two[] = {
    "AnnexI.PartII.1", "AnnexI.PartII.2", "AnnexI.PartII.3", "AnnexI.PartII.4",
    "AnnexI.PartII.5", "AnnexI.PartII.6", "AnnexI.PartII.7", "AnnexI.PartII.8",
  };
  CfDocBlock *kv;

  section (b, 1, "AnnexVII.2");

  section (b, 2, "AnnexVII.2.a");
  list_evidence (b, designs, T ("No design document is recorded (evidence of the kind Design document)."));
  for (guint i = 0; i < 14; i++)
    {
      static const char * const part_one[] = {
        "AnnexI.PartI.1", "AnnexI.PartI.2.a", "AnnexI.PartI.2.b", "AnnexI.PartI.2.c", "AnnexI.PartI.2.d",
        "AnnexI.PartI.2.e", "AnnexI.PartI.2.f", "AnnexI.PartI.2.g", "AnnexI.PartI.2.h", "AnnexI.PartI.2.i",
        "AnnexI.PartI.2.j", "AnnexI.PartI.2.k", "AnnexI.PartI.2.l", "AnnexI.PartI.2.m",
      };
      const CfRequirementAssessment *a = find_assessment (input->status->assessments, part_one[i]);

      if (a != NULL && a->applies && a->measures != NULL)
        measures_of (b, part_one[i]);
    }

  section (b, 2, "AnnexVII.2.b");
  heading (b, 3, T ("Software bill of materials"));
  list_evidence (b, sboms, T ("No software bill of materials is recorded (evidence of the kind Software bill "
                              "of materials)."));
  heading (b, 3, T ("Coordinated vulnerability disclosure policy"));
  list_evidence (b, policies, T ("No evidence supports Annex I, Part II (5): attach the coordinated "
                                 "vulnerability disclosure policy and link it to that requirement."));
  heading (b, 3, T ("Contact address for reporting vulnerabilities"));
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Email"), cf_doc_field (input->manufacturer, "email"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Website"), cf_doc_field (input->manufacturer, "website"), NULL);
  heading (b, 3, T ("Vulnerability handling, requirement by requirement"));
  for (guint i = 0; i < G_N_ELEMENTS (part_two); i++)
    measures_of (b, part_two[i]);

  section (b, 2, "AnnexVII.2.c");
  cf_doc_add_missing (b->model, input,
                      T ("Conformity does not record production and monitoring processes yet: add them to this "
                         "documentation, or attach them as evidence."));
}

static const char *
band_label (Builder *b,
            int      score)
{
  guint n_bands;
  const CfChartBand *bands = cf_risk_model_get_bands (b->input->risk_model, &n_bands);
  const CfChartBand *band = cf_chart_band_for_score (bands, n_bands, score);

  return band ? band->label : "";
}

static void
risk_register (Builder *b)
{
  GPtrArray *threats = b->input->status->threats;
  static const double widths[] = { 0.06, 0.14, 0.27, 0.15, 0.11, 0.11, 0.16 };
  CfDocBlock *table;

  if (threats == NULL || threats->len == 0)
    {
      cf_doc_add_missing (b->model, b->input, T ("The risk register is empty."));
      return;
    }

  table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);
  cf_doc_table_add_header_cell (table, T ("No."));
  cf_doc_table_add_header_cell (table, T ("Asset"));
  cf_doc_table_add_header_cell (table, T ("Threat and mitigations"));
  cf_doc_table_add_header_cell (table, "STRIDE");
  cf_doc_table_add_header_cell (table, T ("Inherent"));
  cf_doc_table_add_header_cell (table, T ("Residual"));
  cf_doc_table_add_header_cell (table, T ("Treatment"));

  for (guint i = 0; i < threats->len; i++)
    {
      CfThreat *threat = g_ptr_array_index (threats, i);
      g_autofree char *label = cf_threat_dup_label (threat);
      g_autofree char *inherent = g_strdup_printf ("%d × %d = %d\n%s", cf_threat_get_likelihood (threat),
                                                   cf_threat_get_impact (threat),
                                                   cf_threat_get_inherent_score (threat),
                                                   band_label (b, cf_threat_get_inherent_score (threat)));
      g_autofree char *residual = cf_threat_has_residual (threat)
        ? g_strdup_printf ("%d × %d = %d\n%s", cf_threat_get_residual_likelihood (threat),
                           cf_threat_get_residual_impact (threat), cf_threat_get_residual_score (threat),
                           band_label (b, cf_threat_get_residual_score (threat)))
        : g_strdup ("—");
      CfDocRow *cell;

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_BOLD, label);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, cf_threat_get_asset (threat));
      cell = cf_doc_table_add_cell (table);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_BOLD, cf_threat_get_title (threat));
      if (cf_threat_get_description (threat) != NULL)
        {
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "\n");
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_threat_get_description (threat));
        }
      if (cf_threat_get_mitigations (threat) != NULL)
        {
          cf_doc_row_add_run (cell, CF_DOC_STYLE_ITALIC, "\n");
          cf_doc_row_add_run (cell, CF_DOC_STYLE_ITALIC, T ("Mitigations: "));
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_threat_get_mitigations (threat));
        }
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL,
                          cf_risk_model_stride_label (b->input->risk_model, cf_threat_get_stride (threat)));
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, inherent);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, residual);
      cell = cf_doc_table_add_cell (table);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL,
                          cf_threat_get_treatment (threat) ? T (treatment_words (cf_threat_get_treatment (threat)))
                                                           : T ("not decided"));
      if (cf_threat_is_accepted (threat))
        {
          g_autofree char *day = g_strndup (cf_threat_get_accepted_at (threat), 10);
          g_autofree char *who = cf_phrase_format (b->input->language, "\nAccepted by {name} on {date}: ",
                                                   "name", cf_threat_get_accepted_by (threat),
                                                   "date", day, NULL);

          cf_doc_row_add_run (cell, CF_DOC_STYLE_ITALIC, who);
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_threat_get_treatment_reason (threat));
        }
      else if (cf_threat_get_treatment_reason (threat) != NULL &&
               *cf_threat_get_treatment_reason (threat) != '\0')
        {
          /* Why it is mitigated, transferred or avoided is part of the
           * assessment a reviewer reads, as an acceptance's reason is. */
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "\n");
          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_threat_get_treatment_reason (threat));
        }
    }
}

static void
heat_maps (Builder *b)
{
  GPtrArray *threats = b->input->status->threats;

  if (threats == NULL || threats->len == 0)
    return;

  for (int residual = 0; residual <= 1; residual++)
    {
      g_autoptr(CfHeatmapData) data = cf_heatmap_data_new (b->input->risk_model, threats, residual);
      g_autoptr(GBytes) png = cf_chart_heatmap_to_png (cf_heatmap_data_get (data), 1200, 900, NULL);

      if (png != NULL)
        cf_doc_model_add_image (b->model, png,
                                residual ? T ("Residual risk: each threat placed by the likelihood and impact "
                                              "left after its mitigations.")
                                         : T ("Inherent risk: each threat placed by its likelihood and impact "
                                              "before mitigation."));
    }
}

static void
requirement_table (Builder *b)
{
  const CfDocumentInput *input = b->input;
  g_autoptr(GPtrArray) requirements = cf_requirements_list (input->catalogue);
  static const double widths[] = { 0.21, 0.16, 0.33, 0.15, 0.15 };
  CfDocBlock *table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);

  cf_doc_table_add_header_cell (table, T ("Requirement"));
  cf_doc_table_add_header_cell (table, T ("Applies"));
  cf_doc_table_add_header_cell (table, T ("How it is met, or why it does not apply"));
  cf_doc_table_add_header_cell (table, T ("Standards"));
  cf_doc_table_add_header_cell (table, T ("Evidence"));

  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      const char *id = cf_catalogue_item_get_id (item);
      const CfRequirementAssessment *a = find_assessment (input->status->assessments, id);
      g_autofree char *ref = cf_requirement_short_ref (item);
      g_autoptr(GPtrArray) evidence = evidence_for (b, id);
      CfDocRow *cell;

      cf_doc_table_add_row (table);
      cell = cf_doc_table_add_cell (table);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_BOLD, ref);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "\n");
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_doc_item_label (input, id));

      cell = cf_doc_table_add_cell (table);
      if (a == NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_PLACEHOLDER, T ("not assessed"));
      else if (!a->applies)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, T ("No"));
      else
        {
          g_autofree char *status = g_strdup_printf ("%s\n%s", T ("Yes"), T (status_words (a->status)));

          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, status);
        }

      cell = cf_doc_table_add_cell (table);
      if (a != NULL && !a->applies)
        cf_doc_row_add_run (cell, a->justification ? CF_DOC_STYLE_NORMAL : CF_DOC_STYLE_PLACEHOLDER,
                            a->justification ? a->justification : T ("justification missing"));
      else if (a != NULL && a->measures != NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, a->measures);
      else
        cf_doc_row_add_run (cell, CF_DOC_STYLE_PLACEHOLDER, T ("no measures recorded"));
      if (a != NULL && a->threats->len > 0)
        {
          g_autoptr(GString) threats = g_string_new ("\n");

          g_string_append (threats, T ("Threats addressed: "));
          for (guint t = 0; t < a->threats->len; t++)
            g_string_append_printf (threats, "%sT%d", t ? ", " : "", g_array_index (a->threats, gint, t));
          cf_doc_row_add_run (cell, CF_DOC_STYLE_ITALIC, threats->str);
        }

      cell = cf_doc_table_add_cell (table);
      if (a != NULL && a->standards[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv ("\n", a->standards);

          cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, joined);
        }
      else
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "—");

      cell = cf_doc_table_add_cell (table);
      if (evidence->len == 0)
        cf_doc_row_add_run (cell, a != NULL && a->applies ? CF_DOC_STYLE_PLACEHOLDER : CF_DOC_STYLE_NORMAL,
                            a != NULL && a->applies ? T ("none") : "—");
      for (guint e = 0; e < evidence->len; e++)
        {
          CfEvidence *ev = g_ptr_array_index (evidence, e);
          g_autofree char *id_text = g_strdup_printf ("%sE%" PRId64 "\n", e ? "\n" : "", cf_evidence_get_id (ev));
          g_autofree char *hash = cf_doc_short_hash (cf_evidence_get_latest (ev)->sha256);

          cf_doc_row_add_run (cell, CF_DOC_STYLE_BOLD, id_text);
          cf_doc_row_add_run (cell, CF_DOC_STYLE_CODE, hash);
        }
    }
}

static void
readiness_list (Builder     *b,
                CfReadiness *readiness)
{
  CfDocBlock *list;

  if (readiness->ready)
    {
      cf_doc_add_paragraph (b->model, T ("Nothing is missing: every essential requirement is assessed, "
                                         "justified where it does not apply, implemented and supported by current "
                                         "evidence where it does, and every high or critical residual risk is "
                                         "accepted."));
      return;
    }

  list = cf_doc_model_add_list (b->model, FALSE);
  for (guint i = 0; i < readiness->missing->len; i++)
    {
      CfMissing *missing = g_ptr_array_index (readiness->missing, i);

      cf_doc_row_add_run (cf_doc_list_add_item (list), CF_DOC_STYLE_PLACEHOLDER, missing->message);
    }
}

/* 3. The cybersecurity risk assessment */
static void
risk_assessment (Builder     *b,
                 CfReadiness *readiness)
{
  const CfDocumentInput *input = b->input;
  CfDocBlock *kv;

  section (b, 1, "AnnexVII.3");

  heading (b, 2, T ("Context of the assessment"));
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Intended purpose"), cf_doc_field (input->status->context, "intended-purpose"),
                 T ("not recorded"));
  cf_doc_add_kv (kv, T ("Reasonably foreseeable use"), cf_doc_field (input->status->context, "foreseeable-use"),
                 T ("not recorded"));
  cf_doc_add_kv (kv, T ("Operational environment"),
                 cf_doc_field (input->status->context, "operational-environment"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Assumptions"), cf_doc_field (input->status->context, "assumptions"), NULL);
  cf_doc_add_paragraph (b->model, T ("Method: each threat is assigned a STRIDE category, a likelihood and an "
                                     "impact on scales of 1 to 5; the risk is likelihood × impact, in the bands "
                                     "low (1–4), medium (5–9), high (10–15) and critical (16–25). The scales and "
                                     "bands are Conformity’s method; the regulation prescribes none. A high or "
                                     "critical residual risk needs an acceptance recorded with its reason, who "
                                     "accepted it and when."));

  heading (b, 2, T ("Risk register"));
  risk_register (b);
  heat_maps (b);

  heading (b, 2, T ("Essential requirements of Annex I"));
  requirement_table (b);

  heading (b, 2, T ("What is still missing"));
  readiness_list (b, readiness);
}

/* 4. The support period */
static void
support_period (Builder *b)
{
  const CfDocumentInput *input = b->input;
  CfLifecycle *lc = input->status->lifecycle;
  g_autofree char *placed = lc->placed_on_market ? cf_date_to_iso (lc->placed_on_market) : NULL;
  g_autofree char *end = lc->support_end ? cf_date_to_iso (lc->support_end) : NULL;
  g_autofree char *months = lc->support_months >= 0 ? g_strdup_printf ("%d", lc->support_months) : NULL;
  g_autofree char *retention = lc->retention_until ? cf_date_to_iso (lc->retention_until) : NULL;
  CfDocBlock *kv;

  section (b, 1, "AnnexVII.4");
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Placed on the market"), placed, T ("not recorded"));
  cf_doc_add_kv (kv, T ("End of the support period"), end, T ("not recorded"));
  cf_doc_add_kv (kv, T ("Length in months"), months, NULL);
  cf_doc_add_kv (kv, T ("How it was determined"), cf_doc_field (input->status->product, "support-rationale"),
                 T ("not recorded"));
  cf_doc_add_kv (kv, T ("Documentation kept until at least"), retention, NULL);
  if (lc->support_shorter_than_minimum)
    {
      CfDocBlock *notice = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_NOTICE);

      cf_doc_block_add_run (notice, CF_DOC_STYLE_NORMAL,
                            T ("The support period is shorter than the five years of Article 13(8); it may be only "
                               "where the product is expected to be in use for less time, which the rationale "
                               "above must show."));
    }
}

/* 5. Standards and specifications */
static void
standards (Builder *b)
{
  const CfDocumentInput *input = b->input;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *declared = cf_doc_field (input->info, "standards");

  section (b, 1, "AnnexVII.5");
  if (declared != NULL)
    cf_doc_add_paragraph (b->model, declared);
  else
    cf_doc_add_missing (b->model, input, T ("Not stated in the declaration details (Edit Details, “Harmonised "
                                            "standards, common specifications or certification”)."));

  for (guint i = 0; input->status->assessments != NULL && i < input->status->assessments->len; i++)
    {
      const CfRequirementAssessment *a = g_ptr_array_index (input->status->assessments, i);

      for (guint s = 0; a->standards[s] != NULL; s++)
        if (!g_ptr_array_find_with_equal_func (seen, a->standards[s], g_str_equal, NULL))
          g_ptr_array_add (seen, g_strdup (a->standards[s]));
    }
  if (seen->len > 0)
    {
      CfDocBlock *list;

      cf_doc_add_paragraph (b->model, T ("Relied on for individual requirements (section 3):"));
      list = cf_doc_model_add_list (b->model, FALSE);
      for (guint i = 0; i < seen->len; i++)
        cf_doc_row_add_run (cf_doc_list_add_item (list), CF_DOC_STYLE_NORMAL, g_ptr_array_index (seen, i));
    }
}

/* 6. Test reports */
static void
test_reports (Builder *b)
{
  g_autoptr(GPtrArray) reports = evidence_of_kind (b, "test-report");
  g_autoptr(GPtrArray) pentests = evidence_of_kind (b, "penetration-test");

  g_ptr_array_extend (reports, pentests, NULL, NULL);
  section (b, 1, "AnnexVII.6");
  list_evidence (b, reports, T ("No test report is recorded (evidence of the kinds Test report or Penetration "
                                "test)."));
}

/* 7. A copy of the EU declaration of conformity: the latest stored. */
static void
declaration_copy (Builder *b)
{
  const CfDocumentInput *input = b->input;
  g_autoptr(GPtrArray) documents = cf_store_list_documents (input->store, input->product_id, NULL);
  CfDocumentInfo *latest = NULL;

  section (b, 1, "AnnexVII.7");
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      CfDocumentInfo *d = g_ptr_array_index (documents, i);

      if (g_strcmp0 (cf_document_info_get_kind (d), CF_DOCUMENT_KIND_DECLARATION) == 0 &&
          (latest == NULL || cf_document_info_get_version (d) > cf_document_info_get_version (latest)))
        latest = d;
    }

  if (latest == NULL)
    {
      cf_doc_add_missing (b->model, input, T ("No EU declaration of conformity has been generated yet."));
      return;
    }

  {
    g_autofree char *text = cf_store_get_document_text (input->store, cf_document_info_get_id (latest), NULL);
    g_autofree char *version = g_strdup_printf ("%d", cf_document_info_get_version (latest));
    g_autofree char *intro = cf_phrase_format (input->language,
                                               "Version {version} of the EU declaration of conformity, stored on "
                                               "{date}{draft}. Its text follows; the PDF is kept in the project "
                                               "with the SHA-256 below.",
                                               "version", version,
                                               "date", cf_document_info_get_created_at (latest),
                                               "draft", cf_document_info_get_is_draft (latest) ? T (" as a draft") : "",
                                               NULL);
    CfDocBlock *block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);
    g_auto(GStrv) lines = NULL;

    cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, intro);
    block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);
    cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, "SHA-256 ");
    cf_doc_block_add_run (block, CF_DOC_STYLE_CODE, cf_document_info_get_sha256 (latest));

    lines = g_strsplit (text ? text : "", "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (*lines[i] != '\0')
        {
          block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);
          cf_doc_block_add_run (block, CF_DOC_STYLE_QUOTE, lines[i]);
        }
  }
}

/* 8. The software bill of materials */

/* Longer component lists stay in the attached file: a table of tens of
 * thousands of rows helps no reviewer, and the file is in the dossier. */
#define MAX_COMPONENT_ROWS 2500

/* The check's field labels in the document's language, not the window's. */
static const char *
sbom_field_words (const CfSbomFieldSummary *field)
{
  static const char * const words[][2] = {
    { "sbom.components", PHRASE ("Components listed") },
    { "sbom.creator", PHRASE ("Creator of the SBOM") },
    { "sbom.creator-contact", PHRASE ("Creator’s email or URL") },
    { "sbom.timestamp", PHRASE ("Timestamp") },
    { "sbom.format-version", PHRASE ("Format version") },
    { "sbom.serial", PHRASE ("URI or serial number of the SBOM") },
    { "sbom.subject", PHRASE ("Product described") },
    { "component.name", PHRASE ("Component name") },
    { "component.version", PHRASE ("Component version") },
    { "component.creator", PHRASE ("Component creator") },
    { "component.licence", PHRASE ("Licence") },
    { "component.hash-sha512", PHRASE ("SHA-512 hash") },
    { "component.dependencies", PHRASE ("Dependencies") },
    { "component.identifier", PHRASE ("purl or CPE") },
    { "component.filename", PHRASE ("File name") },
    { "component.download", PHRASE ("Download location") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (field->id, words[i][0]) == 0)
      return words[i][1];

  return NULL;
}

static void
sbom_summary (Builder          *b,
              const CfSbomInfo *info)
{
  CfDocBlock *kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  g_autofree char *format = cf_sbom_format_describe (info->format, info->spec_version);
  g_autofree char *count = g_strdup_printf ("%u", info->component_count);
  g_autofree char *evidence = g_strdup_printf ("E%" PRId64 " v%d · %s", info->evidence_id,
                                               info->evidence_version, info->file_name);
  CfDocRow *row;

  cf_doc_add_kv (kv, T ("Product version"), info->product_version, T ("not recorded"));
  cf_doc_add_kv (kv, T ("Format"), format, NULL);
  cf_doc_add_kv (kv, T ("Creator of the SBOM"), info->creator, T ("not stated in the SBOM"));
  cf_doc_add_kv (kv, T ("Timestamp"), info->timestamp, T ("not stated in the SBOM"));
  cf_doc_add_kv (kv, T ("Tools"), info->tools, T ("not stated in the SBOM"));
  cf_doc_add_kv (kv, T ("Components"), count, NULL);
  cf_doc_add_kv (kv, T ("Kept as evidence"), evidence, NULL);
  row = cf_doc_block_add_row (kv, "SHA-256");
  cf_doc_row_add_run (row, CF_DOC_STYLE_CODE, info->sha256);
}

static void
sbom_quality (Builder           *b,
              const CfSbomCheck *check)
{
  static const double widths[] = { 0.5, 0.25, 0.25 };
  g_autofree char *score = g_strdup_printf ("%u", check->score);
  g_autofree char *intro = cf_phrase_format (b->input->language,
                                             "Checked against the data fields of BSI TR-03183-2 (Conformity’s "
                                             "reading): {score} out of 100.",
                                             "score", score, NULL);
  CfDocBlock *table;

  heading (b, 2, T ("Quality of the SBOM"));
  cf_doc_add_paragraph (b->model, intro);

  table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);
  cf_doc_table_add_header_cell (table, T ("Field"));
  cf_doc_table_add_header_cell (table, T ("Level"));
  cf_doc_table_add_header_cell (table, T ("Present"));
  for (guint i = 0; i < check->fields->len; i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);
      const char *words = sbom_field_words (field);
      /* 0 / 0: the format has no such field, so it was not checked. */
      g_autofree char *met = field->checked > 0 ? g_strdup_printf ("%u / %u", field->met, field->checked)
                                                : g_strdup (T ("not checked"));

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, words ? T (words) : field->label);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL,
                          field->level == CF_SBOM_LEVEL_REQUIRED ? T ("required") : T ("recommended"));
      cf_doc_row_add_run (cf_doc_table_add_cell (table),
                          field->met < field->checked ? CF_DOC_STYLE_BOLD : CF_DOC_STYLE_NORMAL, met);
    }
}

static void
sbom_components (Builder          *b,
                 const CfSbomInfo *info,
                 const CfSbom     *sbom)
{
  static const double widths[] = { 0.25, 0.18, 0.17, 0.4 };
  CfDocBlock *table;

  heading (b, 2, T ("Components"));
  if (sbom->components->len > MAX_COMPONENT_ROWS)
    {
      g_autofree char *count = g_strdup_printf ("%u", sbom->components->len);
      g_autofree char *evidence = g_strdup_printf ("E%" PRId64, info->evidence_id);
      g_autofree char *text = cf_phrase_format (b->input->language,
                                                "The SBOM lists {count} components, too many for a table here: "
                                                "the full list is the file kept as evidence {evidence}, with "
                                                "the SHA-256 above.",
                                                "count", count, "evidence", evidence, NULL);

      cf_doc_add_paragraph (b->model, text);
      return;
    }
  if (sbom->components->len == 0)
    {
      cf_doc_add_missing (b->model, b->input, T ("The SBOM lists no components."));
      return;
    }

  table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);
  cf_doc_table_add_header_cell (table, T ("Component"));
  cf_doc_table_add_header_cell (table, T ("Version"));
  cf_doc_table_add_header_cell (table, T ("Licence"));
  cf_doc_table_add_header_cell (table, T ("Supplier and identifier"));
  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *c = g_ptr_array_index (sbom->components, i);
      const char *identifier = c->purl ? c->purl : c->cpe;
      CfDocRow *cell;

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, c->name);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, c->version ? c->version : "—");
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, c->licences ? c->licences : "—");
      cell = cf_doc_table_add_cell (table);
      if (c->supplier != NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, c->supplier);
      if (c->supplier != NULL && identifier != NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "\n");
      if (identifier != NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_CODE, identifier);
      if (c->supplier == NULL && identifier == NULL)
        cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, "—");
    }
}

/* Earlier SBOMs are kept; the documentation names them. */
static void
sbom_history (Builder   *b,
              GPtrArray *sboms)
{
  CfDocBlock *list;

  if (sboms->len < 2)
    return;

  heading (b, 2, T ("Earlier SBOMs"));
  list = cf_doc_model_add_list (b->model, FALSE);
  for (guint i = 1; i < sboms->len; i++)
    {
      const CfSbomInfo *info = g_ptr_array_index (sboms, i);
      g_autofree char *count = g_strdup_printf ("%u", info->component_count);
      g_autofree char *evidence = g_strdup_printf ("E%" PRId64 " v%d", info->evidence_id, info->evidence_version);
      g_autofree char *text = cf_phrase_format (b->input->language,
                                                "{version}: {count} components, imported {date} ({evidence}, "
                                                "{file})",
                                                "version", info->product_version ? info->product_version : "—",
                                                "count", count, "date", info->imported_at,
                                                "evidence", evidence, "file", info->file_name, NULL);

      cf_doc_row_add_run (cf_doc_list_add_item (list), CF_DOC_STYLE_NORMAL, text);
    }
}

static void
sbom (Builder *b)
{
  const CfDocumentInput *input = b->input;
  g_autoptr(GPtrArray) sboms = cf_store_list_sboms (input->store, input->product_id, NULL);
  g_autoptr(CfSbom) latest = NULL;
  g_autoptr(CfSbomCheck) check = NULL;
  const CfSbomInfo *info;

  section (b, 1, "AnnexVII.8");
  if (sboms == NULL || sboms->len == 0)
    {
      g_autoptr(GPtrArray) files = evidence_of_kind (b, "sbom");

      /* An SBOM attached as a plain file still counts; say it was not read. */
      if (files->len > 0)
        cf_doc_add_paragraph (b->model, T ("These files are kept as the software bill of materials; none has "
                                           "been imported, so its components are not listed here."));
      list_evidence (b, files, T ("No software bill of materials is recorded."));
      return;
    }

  info = g_ptr_array_index (sboms, 0);
  latest = cf_store_load_sbom (input->store, info->id, NULL);
  if (latest == NULL)
    return;
  check = cf_sbom_check (latest);

  sbom_summary (b, info);
  sbom_quality (b, check);
  sbom_components (b, info, latest);
  sbom_history (b, sboms);
}

/* The annex: every evidence item with its SHA-256. */
static void
evidence_annex (Builder *b)
{
  GPtrArray *all = b->input->status->evidence;
  static const double widths[] = { 0.07, 0.26, 0.20, 0.08, 0.39 };
  CfDocBlock *table;

  heading (b, 1, T ("Annex: evidence"));
  cf_doc_add_paragraph (b->model, T ("Every evidence item kept in the project for this product, with the "
                                     "SHA-256 of its latest version. Earlier versions are kept too."));
  if (all == NULL || all->len == 0)
    {
      cf_doc_add_missing (b->model, b->input, T ("No evidence is recorded."));
      return;
    }

  table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);
  cf_doc_table_add_header_cell (table, T ("Id"));
  cf_doc_table_add_header_cell (table, T ("Title and file"));
  cf_doc_table_add_header_cell (table, T ("Kind"));
  cf_doc_table_add_header_cell (table, T ("Ver."));
  cf_doc_table_add_header_cell (table, "SHA-256");
  for (guint i = 0; i < all->len; i++)
    {
      CfEvidence *evidence = g_ptr_array_index (all, i);
      const CfEvidenceVersion *v = cf_evidence_get_latest (evidence);
      g_autofree char *id = g_strdup_printf ("E%" PRId64, cf_evidence_get_id (evidence));
      g_autofree char *version = g_strdup_printf ("%d", v->version);
      g_autofree char *file = g_strdup_printf ("\n%s", v->file_name);
      CfDocRow *cell;

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_BOLD, id);
      cell = cf_doc_table_add_cell (table);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, cf_evidence_get_title (evidence));
      cf_doc_row_add_run (cell, CF_DOC_STYLE_ITALIC, file);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL,
                          T (kind_words (cf_evidence_get_kind (evidence))));
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, version);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_CODE, v->sha256);
    }
}

/**
 * cf_technical_documentation_build:
 *
 * The technical documentation of Article 31: every point of Annex VII in
 * order, filled from the project. Points with nothing recorded say so. A
 * draft while the readiness gate is closed.
 *
 * Returns: (transfer full): the document
 */
CfDocModel *
cf_technical_documentation_build (const CfDocumentInput  *input,
                                  gboolean               *is_draft,
                                  GError                **error)
{
  Builder builder = { input, NULL };
  Builder *b = &builder;
  CfReadiness *readiness = input->status->readiness;
  g_autofree char *number = cf_doc_number (input, "TD");

  *is_draft = !readiness->ready;

  builder.model = cf_doc_model_new (T ("Technical Documentation"));
  cf_doc_model_set_numbered_headings (builder.model, TRUE);
  cf_doc_set_common (builder.model, input, T ("Technical Documentation"), number, *is_draft);

  front_matter (b, readiness, number);
  general_description (b);
  design_and_processes (b);
  risk_assessment (b, readiness);
  support_period (b);
  standards (b);
  test_reports (b);
  declaration_copy (b);
  sbom (b);
  evidence_annex (b);

  return builder.model;
}
