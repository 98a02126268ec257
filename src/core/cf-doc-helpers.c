/* cf-doc-helpers.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-doc"

#include "config.h"

#include "cf-doc-helpers.h"
#include "cf-doc-phrases.h"

/* A record's field, or NULL when it is not filled in. */
const char *
cf_doc_field (gpointer    record,
              const char *name)
{
  if (record == NULL || !cf_record_is_filled (CF_RECORD (record), name))
    return NULL;

  return cf_record_get_field (CF_RECORD (record), name);
}

/* "TD-3-v2": an identifier, the same in every language. */
char *
cf_doc_number (const CfDocumentInput *input,
               const char            *prefix)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-v%d", prefix, input->product_id, input->version);
}

char *
cf_doc_short_hash (const char *sha256)
{
  return g_strndup (sha256 ? sha256 : "", 12);
}

void
cf_doc_add_paragraph (CfDocModel *model,
                      const char *text)
{
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH, text);
}

/* A section with nothing recorded says so, visibly, rather than vanishing. */
void
cf_doc_add_missing (CfDocModel            *model,
                    const CfDocumentInput *input,
                    const char            *what)
{
  CfDocBlock *block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);

  cf_doc_block_add_run (block, CF_DOC_STYLE_PLACEHOLDER, what);
}

const char *
cf_doc_item_text (const CfDocumentInput *input,
                  const char            *item_id)
{
  CfCatalogueItem *item = cf_catalogue_lookup (input->catalogue, item_id);
  const char *text;

  if (item == NULL)
    return NULL;

  text = cf_catalogue_item_get_text_for (item, input->language);
  return text != NULL ? text : cf_catalogue_item_get_text (item);
}

const char *
cf_doc_item_label (const CfDocumentInput *input,
                   const char            *item_id)
{
  CfCatalogueItem *item = cf_catalogue_lookup (input->catalogue, item_id);
  const char *label;

  if (item == NULL)
    return item_id;

  label = cf_catalogue_item_get_label_for (item, input->language);
  return label != NULL ? label : cf_catalogue_item_get_label (item);
}

/* The regulation's words for an item, set apart as a quotation, with its
 * reference; in the document's language where the catalogue has the
 * official text, in English (and saying so) where it has not. */
void
cf_doc_add_regulation_text (CfDocModel            *model,
                            const CfDocumentInput *input,
                            const char            *item_id)
{
  CfCatalogueItem *item = cf_catalogue_lookup (input->catalogue, item_id);
  CfDocBlock *block;
  const char *text;
  g_autofree char *ref = NULL;

  if (item == NULL)
    return;

  text = cf_catalogue_item_get_text_for (item, input->language);
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
  cf_doc_block_add_run (block, CF_DOC_STYLE_QUOTE, text != NULL ? text : cf_catalogue_item_get_text (item));
  ref = g_strdup_printf (" (%s%s)", cf_catalogue_item_get_ref (item),
                         text == NULL && g_strcmp0 (input->language, "en") != 0
                         ? cf_phrase (input->language, "; English: no official translation in Conformity’s catalogue")
                         : "");
  cf_doc_block_add_run (block, CF_DOC_STYLE_ITALIC, ref);
}

/* A key-value row: the value, or a red placeholder saying what is missing
 * when @missing is given, or nothing at all. */
void
cf_doc_add_kv (CfDocBlock *block,
               const char *key,
               const char *value,
               const char *missing)
{
  CfDocRow *row;

  if (value == NULL && missing == NULL)
    return;

  row = cf_doc_block_add_row (block, key);
  if (value != NULL)
    cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, value);
  else
    cf_doc_row_add_run (row, CF_DOC_STYLE_PLACEHOLDER, missing);
}

gboolean
cf_doc_is_example (const CfDocumentInput *input)
{
  return cf_record_get_is_example (CF_RECORD (input->status->product)) ||
         (input->manufacturer != NULL && cf_record_get_is_example (CF_RECORD (input->manufacturer)));
}

/* Metadata, running head, footer, page labels and watermark. */
void
cf_doc_set_common (CfDocModel            *model,
                   const CfDocumentInput *input,
                   const char            *document_title,
                   const char            *number,
                   gboolean               is_draft)
{
  g_autofree char *product_name = cf_product_dup_display_name (input->status->product);
  g_autofree char *date = g_date_time_format (input->issued, "%Y-%m-%d");
  g_autofree char *right = NULL;
  g_autofree char *footer = NULL;
  const char *manufacturer = cf_doc_field (input->manufacturer, "name");

  cf_doc_model_set_created (model, input->issued);
  cf_doc_model_set_author (model, manufacturer);
  cf_doc_model_set_subject (model, product_name);
  cf_doc_model_set_keywords (model, "Regulation (EU) 2024/2847, Cyber Resilience Act");
  cf_doc_model_set_language (model, input->language);

  right = g_strdup_printf ("%s · %s", document_title, number);
  cf_doc_model_set_running_head_parts (model, product_name, right);
  footer = cf_phrase_format (input->language, "Generated by {app} {version} on {date}",
                             "app", PACKAGE_NAME, "version", PACKAGE_VERSION, "date", date, NULL);
  cf_doc_model_set_footer (model, footer);
  cf_doc_model_set_page_label_format (model, cf_phrase (input->language, "Page {page} of {pages}"));

  if (cf_doc_is_example (input))
    cf_doc_model_set_watermark (model, cf_phrase (input->language, "EXAMPLE"));
  else if (is_draft)
    cf_doc_model_set_watermark (model, cf_phrase (input->language, "DRAFT"));
}
