/* cf-simplified-declaration.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-simplified-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-declaration.h"
#include "cf-doc-helpers.h"
#include "cf-doc-phrases.h"
#include "cf-error.h"
#include "cf-simplified-declaration.h"
#include "cf-user-information.h"

#define ELLIPSIS "…"

/**
 * cf_fill_template:
 * @text: the regulation's template, with holes written "… [what]" or "…"
 * @values: (array length=n_values): what goes in the holes, in order; a
 *   %NULL value leaves its hole as it is
 *
 * The Official Journal writes the holes of its templates the same way in
 * every language, so they can be filled without knowing the language.
 *
 * Returns: (transfer full): the filled text
 */
char *
cf_fill_template (const char         *text,
                  const char * const *values,
                  guint               n_values)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  guint n = 0;

  while (*p != '\0')
    {
      const char *hole = strstr (p, ELLIPSIS);
      const char *end;

      if (hole == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, hole - p);
      end = hole + strlen (ELLIPSIS);
      /* "… [name of manufacturer]": the bracket says what goes there. */
      if (g_str_has_prefix (end, " ["))
        {
          const char *close = strchr (end, ']');

          if (close != NULL)
            end = close + 1;
        }

      if (n < n_values && values[n] != NULL)
        g_string_append (out, values[n]);
      else
        g_string_append_len (out, hole, end - hole);
      n++;
      p = end;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cf_simplified_declaration_build:
 *
 * Annex VI: two sentences, with the manufacturer's name, the product's type
 * and the internet address of the full declaration. A draft while the full
 * declaration is one, or while the address is not recorded.
 *
 * Returns: (transfer full): the document
 */
CfDocModel *
cf_simplified_declaration_build (const CfDocumentInput  *input,
                                 gboolean               *is_draft,
                                 GError                **error)
{
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(CfUserInformation) users = NULL;
  g_autofree char *number = cf_doc_number (input, "SDoC");
  g_autofree char *type = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CfDeclarationFacts facts = cf_product_status_get_facts (input->status, input->catalogue);
  g_auto(GStrv) missing = cf_declaration_list_missing (input->manufacturer, input->status->product, input->info,
                                                       &facts);
  CfCatalogueItem *sentence1 = cf_catalogue_lookup (input->catalogue, "AnnexVI.1");
  CfCatalogueItem *sentence2 = cf_catalogue_lookup (input->catalogue, "AnnexVI.2");
  const char *manufacturer = cf_doc_field (input->manufacturer, "name");
  const char *url;
  const char *title;
  CfDocBlock *block;

  if (sentence1 == NULL || sentence2 == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_CATALOGUE,
                           _("The catalogue lacks the items AnnexVI.1 and AnnexVI.2 of the simplified declaration."));
      return NULL;
    }

  users = cf_store_get_user_information (input->store, input->product_id, error);
  if (users == NULL)
    return NULL;
  url = cf_doc_field (users, "declaration-url");

  *is_draft = missing[0] != NULL || url == NULL || manufacturer == NULL;

  title = cf_catalogue_get_section_title_for (input->catalogue, "AnnexVI", input->language);
  if (title == NULL)
    title = cf_catalogue_get_section_title (input->catalogue, "AnnexVI");

  model = cf_doc_model_new (title);
  cf_doc_set_common (model, input, P (input, "Simplified EU Declaration of Conformity"), number, *is_draft);
  cf_doc_model_add_text (model, CF_DOC_BLOCK_TITLE, title);
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE, "Regulation (EU) 2024/2847, Annex VI");

  if (*is_draft && !cf_doc_is_example (input))
    {
      g_autofree char *why = NULL;

      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_NOTICE);
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, P (input, "DRAFT. "));
      why = g_strdup_printf ("%s%s",
                             missing[0] != NULL ? P (input, "The full EU declaration of conformity is not complete. ")
                                                : "",
                             url == NULL ? P (input, "The internet address of the full declaration is not recorded "
                                                     "(Information for Users). ")
                                         : "");
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, why);
    }

  type = cf_doc_field (input->status->product, "version") != NULL
    ? g_strdup_printf ("%s %s (%s)", cf_doc_field (input->status->product, "name"),
                       cf_doc_field (input->status->product, "model"),
                       cf_doc_field (input->status->product, "version"))
    : g_strdup_printf ("%s %s", cf_doc_field (input->status->product, "name"),
                       cf_doc_field (input->status->product, "model"));

  {
    const char *values1[] = { manufacturer, type };
    const char *values2[] = { url };
    const char *text1 = cf_catalogue_item_get_text_for (sentence1, input->language);
    const char *text2 = cf_catalogue_item_get_text_for (sentence2, input->language);

    first = cf_fill_template (text1 ? text1 : cf_catalogue_item_get_text (sentence1), values1,
                              G_N_ELEMENTS (values1));
    second = cf_fill_template (text2 ? text2 : cf_catalogue_item_get_text (sentence2), values2,
                               G_N_ELEMENTS (values2));
  }

  cf_doc_add_paragraph (model, first);
  cf_doc_add_paragraph (model, second);

  {
    const char * const *notes = cf_catalogue_item_get_notes (sentence1);

    for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
      {
        g_autofree char *footnote = g_strdup_printf ("(1) %s", notes[i]);

        block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
        cf_doc_block_add_run (block, CF_DOC_STYLE_ITALIC, footnote);
      }
  }

  return g_steal_pointer (&model);
}
