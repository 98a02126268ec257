/* cf-cli-json.c — JSON for scripts: records, documents and the audit log
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-cli-private.h"

/* The shapes printed here are a contract with scripts (docs/CLI.md): keys
 * keep their order, and a value that was not entered is null, never left out. */

/**
 * cf_cli_json_print_node:
 *
 * Prints @node, pretty with an indent of 2, and a final newline.
 */
void
cf_cli_json_print_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  cf_cli_print ("%s\n", text);
}

/**
 * cf_cli_json_print:
 * @builder: holding one complete object or array
 */
void
cf_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  cf_cli_json_print_node (root);
}

void
cf_cli_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * cf_cli_json_add_record:
 *
 * Adds one member per field of @record, in the order of its specification,
 * named after the field with "-" turned into "_" (as the database columns are).
 */
void
cf_cli_json_add_record (JsonBuilder *builder,
                        CfRecord    *record)
{
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *key = g_strdelimit (g_strdup (specs[i].name), "-", '_');

      cf_cli_json_add_string (builder, key, cf_record_get_field (record, specs[i].name));
    }
}

void
cf_cli_json_add_product (JsonBuilder *builder,
                         CfProduct   *product)
{
  CfRecord *record = CF_RECORD (product);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_record_get_id (record));
  cf_cli_json_add_record (builder, record);
  json_builder_set_member_name (builder, "is_example");
  json_builder_add_boolean_value (builder, cf_record_get_is_example (record));
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_end_object (builder);
}

void
cf_cli_json_add_manufacturer (JsonBuilder    *builder,
                              CfManufacturer *manufacturer)
{
  CfRecord *record = CF_RECORD (manufacturer);

  json_builder_begin_object (builder);
  cf_cli_json_add_record (builder, record);
  json_builder_set_member_name (builder, "is_example");
  json_builder_add_boolean_value (builder, cf_record_get_is_example (record));
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_end_object (builder);
}

/**
 * cf_cli_json_add_declaration:
 * @missing: ids from cf_declaration_list_missing()
 */
void
cf_cli_json_add_declaration (JsonBuilder        *builder,
                             gint64              product_id,
                             CfDeclarationInfo  *info,
                             const char * const *missing)
{
  CfRecord *record = CF_RECORD (info);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, product_id);
  cf_cli_json_add_string (builder, "procedure",
                          cf_procedure_to_id (cf_declaration_info_get_procedure (info)));
  cf_cli_json_add_record (builder, record);
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  json_builder_set_member_name (builder, "ready");
  json_builder_add_boolean_value (builder, missing[0] == NULL);

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; missing[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      cf_cli_json_add_string (builder, "id", missing[i]);
      cf_cli_json_add_string (builder, "label", cf_declaration_describe_missing (missing[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

void
cf_cli_json_add_document (JsonBuilder    *builder,
                          CfDocumentInfo *document)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_document_info_get_id (document));
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, cf_document_info_get_product_id (document));
  cf_cli_json_add_string (builder, "kind", cf_document_info_get_kind (document));
  cf_cli_json_add_string (builder, "kind_label", cf_document_info_get_kind_label (document));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, cf_document_info_get_version (document));
  cf_cli_json_add_string (builder, "created_at", cf_document_info_get_created_at (document));
  cf_cli_json_add_string (builder, "created_by", cf_document_info_get_created_by (document));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, cf_document_info_get_size (document));
  cf_cli_json_add_string (builder, "sha256", cf_document_info_get_sha256 (document));
  json_builder_set_member_name (builder, "is_draft");
  json_builder_add_boolean_value (builder, cf_document_info_get_is_draft (document));
  json_builder_end_object (builder);
}

void
cf_cli_json_add_audit_entry (JsonBuilder  *builder,
                             CfAuditEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  cf_cli_json_add_string (builder, "at", entry->at);
  cf_cli_json_add_string (builder, "actor", entry->actor);
  cf_cli_json_add_string (builder, "action", entry->action);
  cf_cli_json_add_string (builder, "object_type", entry->object_type);
  /* The store keeps no object id (0) for entries about the database itself. */
  json_builder_set_member_name (builder, "object_id");
  if (entry->object_id > 0)
    json_builder_add_int_value (builder, entry->object_id);
  else
    json_builder_add_null_value (builder);
  cf_cli_json_add_string (builder, "detail", entry->detail);
  json_builder_end_object (builder);
}
