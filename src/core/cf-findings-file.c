/* cf-findings-file.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-findings"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-dossier.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-findings-file.h"
#include "cf-sbom-private.h"

CfFindingsFile *
cf_findings_file_new (void)
{
  CfFindingsFile *self = g_new0 (CfFindingsFile, 1);

  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_finding_free);

  return self;
}

void
cf_findings_file_free (CfFindingsFile *self)
{
  if (self == NULL)
    return;

  g_free (self->seal);
  g_free (self->product_name);
  g_free (self->manufacturer_name);
  g_free (self->reviewer);
  g_free (self->exported_at);
  g_ptr_array_unref (self->findings);
  g_free (self);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * cf_findings_file_write:
 *
 * Returns: (transfer full): the file's content, pretty-printed JSON
 */
GBytes *
cf_findings_file_write (CfFindingsFile *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  json_builder_begin_object (builder);
  add_string (builder, "format", CF_FINDINGS_FILE_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, CF_FINDINGS_FILE_FORMAT_VERSION);
  add_string (builder, "conformity_version", PACKAGE_VERSION);
  add_string (builder, "exported_at", self->exported_at);
  add_string (builder, "reviewer", self->reviewer);

  json_builder_set_member_name (builder, "dossier");
  json_builder_begin_object (builder);
  add_string (builder, "seal", self->seal);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, self->product_id);
  add_string (builder, "product_name", self->product_name);
  add_string (builder, "manufacturer_name", self->manufacturer_name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (self->findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);

      json_builder_begin_object (builder);
      add_string (builder, "id", label);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, finding->number);
      add_string (builder, "target_kind", finding->target_kind);
      add_string (builder, "target", finding->target);
      add_string (builder, "severity", finding->severity);
      add_string (builder, "text", finding->text != NULL ? finding->text : "");
      add_string (builder, "recorded_at", finding->recorded_at);
      add_string (builder, "recorded_by", finding->recorded_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* A member that must be a string, or absent when @required is FALSE. */
static gboolean
get_string (JsonObject   *object,
            const char   *member,
            gboolean      required,
            const char   *shown,
            const char   *where,
            char        **value,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s has no “%s”."), shown, where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: “%s” of %s is not text."),
                   shown, member, where);
      return FALSE;
    }

  /* Stored and listed later: no escape sequence may reach a terminal. */
  label = g_strdup_printf (_("“%s” of %s"), member, where);
  message = cf_field_check_characters (label, json_node_get_string (node), TRUE);
  if (message != NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s"), shown, message);
      return FALSE;
    }

  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_int (JsonObject   *object,
         const char   *member,
         const char   *shown,
         const char   *where,
         gint64       *value,
         GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: “%s” of %s is missing or not a whole "
                     "number."), shown, member, where);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

static CfFinding *
read_finding (JsonNode    *node,
              guint        index,
              const char  *shown,
              GError     **error)
{
  g_autoptr(CfFinding) finding = cf_finding_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = g_strdup_printf (_("finding %u"), index + 1);
  JsonObject *object;
  gint64 number;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s is not an object."), shown, where);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_int (object, "number", shown, where, &number, error))
    return NULL;
  if (number < 1 || number > G_MAXINT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s has the number %" PRId64
                     ", not a positive one."), shown, where, number);
      return NULL;
    }
  finding->number = (gint) number;

  if (!get_string (object, "target_kind", TRUE, shown, where, &finding->target_kind, error) ||
      !get_string (object, "target", TRUE, shown, where, &finding->target, error) ||
      !get_string (object, "severity", TRUE, shown, where, &finding->severity, error) ||
      !get_string (object, "text", FALSE, shown, where, &finding->text, error) ||
      !get_string (object, "recorded_at", TRUE, shown, where, &finding->recorded_at, error) ||
      !get_string (object, "recorded_by", FALSE, shown, where, &finding->recorded_by, error))
    return NULL;

  if (!cf_finding_validate (finding, &local_error))
    {
      g_autofree char *label = cf_finding_dup_label (finding);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("“%s”, finding %s: %s"),
                   shown, label, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&finding);
}

/**
 * cf_findings_file_read:
 * @shown: how to name the file in messages
 *
 * Reads a findings file from elsewhere. Every finding is checked; the first
 * problem is reported, naming the file and the finding.
 */
CfFindingsFile *
cf_findings_file_read (const char  *data,
                       gsize        length,
                       const char  *shown,
                       GError     **error)
{
  g_autoptr(CfFindingsFile) self = cf_findings_file_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = NULL;
  JsonObject *root, *dossier;
  JsonNode *node;
  JsonArray *findings;
  CfSbomLimits limits;
  gint64 version;

  if (length > CF_FINDINGS_FILE_MAX_SIZE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: at %zu bytes it is larger than any "
                     "findings file (%" PRIu64 " bytes at most)."),
                   shown, length, CF_FINDINGS_FILE_MAX_SIZE);
      return NULL;
    }

  cf_sbom_limits_init_default (&limits);
  if (!_cf_json_check_safe (data, length, &limits, &local_error))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s."), shown, local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib quotes the string it stopped at, a lone surrogate as
       * bytes that are not UTF-8. */
      g_autofree char *reason = cf_field_dup_printable (local_error->message, FALSE);

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: %s"), shown, reason);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: it holds no JSON object."), shown);
      return NULL;
    }
  root = json_node_get_object (node);

  if (!get_string (root, "format", TRUE, shown, _("the file"), &format, error))
    return NULL;
  if (!g_str_equal (format, CF_FINDINGS_FILE_FORMAT))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: its format is “%s”."), shown, format);
      return NULL;
    }

  if (!get_int (root, "format_version", shown, _("the file"), &version, error))
    return NULL;
  if (version != CF_FINDINGS_FILE_FORMAT_VERSION)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is a findings file of format version %" PRId64 ", which "
                     "this version of Conformity cannot read."), shown, version);
      return NULL;
    }

  if (!get_string (root, "exported_at", FALSE, shown, _("the file"), &self->exported_at, error) ||
      !get_string (root, "reviewer", TRUE, shown, _("the file"), &self->reviewer, error))
    return NULL;

  node = json_object_get_member (root, "dossier");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: it does not say which dossier it "
                     "reviews."), shown);
      return NULL;
    }
  dossier = json_node_get_object (node);
  if (!get_string (dossier, "seal", TRUE, shown, _("the dossier"), &self->seal, error) ||
      !get_int (dossier, "product_id", shown, _("the dossier"), &self->product_id, error) ||
      !get_string (dossier, "product_name", TRUE, shown, _("the dossier"), &self->product_name,
                   error) ||
      !get_string (dossier, "manufacturer_name", FALSE, shown, _("the dossier"),
                   &self->manufacturer_name, error))
    return NULL;

  if (!cf_dossier_seal_is_valid (self->seal))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: the dossier’s seal “%s” is not a SHA-256."),
                   shown, self->seal);
      return NULL;
    }

  node = json_object_get_member (root, "findings");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: it has no list of findings."), shown);
      return NULL;
    }
  findings = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      CfFinding *finding = read_finding (json_array_get_element (findings, i), i, shown, error);

      if (finding == NULL)
        return NULL;

      if (g_hash_table_contains (numbers, GINT_TO_POINTER (finding->number)))
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s” is not a findings file: the finding F%d appears twice."),
                       shown, finding->number);
          cf_finding_free (finding);
          return NULL;
        }
      g_hash_table_add (numbers, GINT_TO_POINTER (finding->number));
      g_ptr_array_add (self->findings, finding);
    }

  return g_steal_pointer (&self);
}

/**
 * cf_findings_file_load:
 *
 * Reads @file, refusing one larger than %CF_FINDINGS_FILE_MAX_SIZE before
 * reading it.
 */
CfFindingsFile *
cf_findings_file_load (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *shown = g_file_get_parse_name (file);
  g_autofree char *data = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a findings file: it is not a regular file."), shown);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > CF_FINDINGS_FILE_MAX_SIZE)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: at %" PRId64 " bytes it is larger than any "
                     "findings file (%" PRIu64 " bytes at most)."),
                   shown, g_file_info_get_size (info), CF_FINDINGS_FILE_MAX_SIZE);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return cf_findings_file_read (data, length, shown, error);
}
