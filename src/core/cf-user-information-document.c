/* cf-user-information-document.c — Annex II, written for the people who use the product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-user-information"

#include "config.h"

#include <string.h>

#include "cf-doc-helpers.h"
#include "cf-doc-phrases.h"
#include "cf-user-information.h"
#include "cf-user-information-document.h"

typedef struct
{
  const CfDocumentInput *input;
  CfDocModel            *model;
  CfUserInformation     *users;
  GPtrArray             *answered;   /* of char *: "AnnexII.3=3", for the closing table */
  gboolean               missing;
} Builder;

#define T(english) cf_phrase (b->input->language, (english))

/* A section answering Annex II @item_id. */
static void
section (Builder    *b,
         const char *item_id,
         const char *title)
{
  CfDocBlock *heading = cf_doc_model_add_heading (b->model, 1, title);

  g_ptr_array_add (b->answered, g_strdup_printf ("%s=%s", item_id, heading->number ? heading->number : ""));
}

static void
subsection (Builder    *b,
            const char *item_id,
            const char *title)
{
  CfDocBlock *heading = cf_doc_model_add_heading (b->model, 2, title);

  g_ptr_array_add (b->answered, g_strdup_printf ("%s=%s", item_id, heading->number ? heading->number : ""));
}

/* A recorded text, or a placeholder that makes the document a draft. */
static void
text_or_missing (Builder    *b,
                 const char *text,
                 const char *missing)
{
  if (text != NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        cf_doc_add_paragraph (b->model, g_strstrip (paragraphs[i]));
      return;
    }

  cf_doc_add_missing (b->model, b->input, missing);
  b->missing = TRUE;
}

static const char *
users_field (Builder    *b,
             const char *name)
{
  return cf_doc_field (b->users, name);
}

static void
manufacturer (Builder *b)
{
  CfDocBlock *kv;

  section (b, "AnnexII.1", T ("Who makes this product"));
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Manufacturer"), cf_doc_field (b->input->manufacturer, "name"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Address"), cf_doc_field (b->input->manufacturer, "address"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Email"), cf_doc_field (b->input->manufacturer, "email"), NULL);
  cf_doc_add_kv (kv, T ("Website"), cf_doc_field (b->input->manufacturer, "website"), NULL);
  if (cf_doc_field (b->input->manufacturer, "name") == NULL || cf_doc_field (b->input->manufacturer, "address") == NULL)
    b->missing = TRUE;
}

static void
reporting (Builder *b)
{
  CfDocBlock *kv;

  section (b, "AnnexII.2", T ("Reporting a security problem"));
  cf_doc_add_paragraph (b->model, T ("If you find a security problem in this product, report it here. The "
                                     "manufacturer also tells you here how it handles such reports."));
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Where to report"), users_field (b, "security-contact"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Coordinated vulnerability disclosure policy"), users_field (b, "cvd-policy-url"),
                 T ("not recorded"));
  if (users_field (b, "security-contact") == NULL || users_field (b, "cvd-policy-url") == NULL)
    b->missing = TRUE;
}

static void
product (Builder *b)
{
  CfProduct *product = b->input->status->product;
  CfDocBlock *kv;

  section (b, "AnnexII.3", T ("About this product"));
  kv = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (kv, T ("Product name"), cf_doc_field (product, "name"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Type or model"), cf_doc_field (product, "model"), T ("not recorded"));
  cf_doc_add_kv (kv, T ("Version"), cf_doc_field (product, "version"), NULL);
  cf_doc_add_kv (kv, T ("Additional identification"), cf_doc_field (product, "identification"), NULL);
}

static void
purpose (Builder *b)
{
  section (b, "AnnexII.4", T ("What the product is for, and how it is protected"));
  text_or_missing (b, cf_doc_field (b->input->status->context, "intended-purpose"),
                   T ("The intended purpose is not recorded."));
  text_or_missing (b, users_field (b, "security-environment"),
                   T ("The security environment, essential functions and security properties are not "
                      "recorded."));
}

static void
risks (Builder *b)
{
  section (b, "AnnexII.5", T ("Risks you should know about"));
  text_or_missing (b, users_field (b, "known-risks"),
                   T ("The circumstances that may lead to significant cybersecurity risks are not recorded."));
}

static void
declaration (Builder *b)
{
  section (b, "AnnexII.6", T ("EU declaration of conformity"));
  if (users_field (b, "declaration-url") != NULL)
    {
      CfDocBlock *block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);

      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                            T ("The EU declaration of conformity of this product can be read at: "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, users_field (b, "declaration-url"));
    }
  else
    text_or_missing (b, NULL, T ("The internet address of the EU declaration of conformity is not recorded."));
}

static void
support (Builder *b)
{
  CfLifecycle *lc = b->input->status->lifecycle;

  section (b, "AnnexII.7", T ("Security support and updates"));
  if (lc->support_end != NULL)
    {
      /* Article 13(19): at least the month and the year, in the document's
       * language (lc->end_of_support_label is in the window's). */
      g_autofree char *month = cf_phrase_month_year (b->input->language, lc->support_end);
      g_autofree char *until = cf_phrase_format (b->input->language,
                                                 "The manufacturer handles vulnerabilities in this product and "
                                                 "provides security updates until the end of {date}.",
                                                 "date", month, NULL);

      cf_doc_add_paragraph (b->model, until);
    }
  else
    text_or_missing (b, NULL, T ("The end date of the support period is not recorded."));
  text_or_missing (b, users_field (b, "support-type"),
                   T ("The type of technical security support offered is not recorded."));
}

static void
instructions (Builder *b)
{
  static const struct {
    const char *item;
    const char *title;
    const char *field;
    gboolean    optional;
    const char *when_absent;
  } points[] = {
    { "AnnexII.8.a", PHRASE ("Using the product securely"), "secure-use", FALSE, NULL },
    { "AnnexII.8.b", PHRASE ("How changes to the product can affect the security of your data"),
      "data-security-changes", FALSE, NULL },
    { "AnnexII.8.c", PHRASE ("Installing security updates"), "update-installation", FALSE, NULL },
    { "AnnexII.8.d", PHRASE ("Taking the product out of use and removing your data"), "decommissioning", FALSE,
      NULL },
    { "AnnexII.8.e", PHRASE ("Turning off automatic security updates"), "auto-update-opt-out", TRUE,
      PHRASE ("The product does not install security updates automatically.") },
    { "AnnexII.8.f", PHRASE ("For integrators"), "integration", TRUE,
      PHRASE ("The product is not meant to be integrated into other products.") },
  };

  section (b, "AnnexII.8", T ("Instructions"));
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const char *text = users_field (b, points[i].field);

      subsection (b, points[i].item, T (points[i].title));
      if (text == NULL && points[i].optional)
        cf_doc_add_paragraph (b->model, T (points[i].when_absent));
      else
        text_or_missing (b, text, T ("Not recorded."));
    }
}

static void
sbom (Builder *b)
{
  section (b, "AnnexII.9", T ("Software bill of materials"));
  if (users_field (b, "sbom-url") != NULL)
    {
      CfDocBlock *block = cf_doc_model_add_block (b->model, CF_DOC_BLOCK_PARAGRAPH);

      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                            T ("The list of the software components of this product can be found at: "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, users_field (b, "sbom-url"));
    }
  else
    cf_doc_add_paragraph (b->model, T ("The manufacturer does not make the software bill of materials available "
                                       "to users."));
}

/* For authorities: each point of Annex II, in the regulation's words, and
 * the section that answers it. */
static void
checklist (Builder *b)
{
  static const double widths[] = { 0.12, 0.73, 0.15 };
  CfDocBlock *table;
  gboolean in_english = FALSE;

  cf_doc_model_add_heading (b->model, 1, T ("Where each point of Annex II is answered"));
  table = cf_doc_model_add_table (b->model, G_N_ELEMENTS (widths), widths);
  cf_doc_table_add_header_cell (table, T ("Point"));
  cf_doc_table_add_header_cell (table, T ("Annex II of Regulation (EU) 2024/2847"));
  cf_doc_table_add_header_cell (table, T ("Section"));

  for (guint i = 0; i < b->answered->len; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_ptr_array_index (b->answered, i), "=", 2);
      CfCatalogueItem *item = cf_catalogue_lookup (b->input->catalogue, pair[0]);
      const char *text = item ? cf_catalogue_item_get_text_for (item, b->input->language) : NULL;
      const char *ref = item ? cf_catalogue_item_get_ref (item) : pair[0];

      /* The column is headed "Point" in the document's language: only the
       * number, "8(a)", which reads the same in all of them. */
      if (g_str_has_prefix (ref, "Annex II, point "))
        ref += strlen ("Annex II, point ");
      if (text == NULL && item != NULL)
        {
          text = cf_catalogue_item_get_text (item);
          in_english = TRUE;
        }

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, ref);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_QUOTE, text ? text : "");
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, pair[1] ? pair[1] : "");
    }

  /* Said once, as the declaration does, rather than in every row. */
  if (in_english && !g_str_equal (b->input->language, "en"))
    cf_doc_add_paragraph (b->model, T ("The table quotes Annex II in English where Conformity’s catalogue "
                                       "holds no official translation of its wording."));
}

/**
 * cf_user_information_build:
 *
 * The information and instructions Annex II requires to accompany the
 * product, in plain words for its users, each point in a section of its
 * own, and a closing table that shows authorities where each point is
 * answered. A draft while a point has nothing recorded.
 *
 * Returns: (transfer full): the document
 */
CfDocModel *
cf_user_information_build (const CfDocumentInput  *input,
                           gboolean               *is_draft,
                           GError                **error)
{
  g_autoptr(CfUserInformation) users = NULL;
  g_autoptr(GPtrArray) answered = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = cf_doc_number (input, "UI");
  g_autofree char *product_name = cf_product_dup_display_name (input->status->product);
  Builder builder = { input, NULL, NULL, answered, FALSE };
  Builder *b = &builder;

  users = cf_store_get_user_information (input->store, input->product_id, error);
  if (users == NULL)
    return NULL;
  builder.users = users;

  builder.model = cf_doc_model_new (T ("Information and Instructions to the User"));
  cf_doc_model_set_numbered_headings (builder.model, TRUE);
  cf_doc_model_add_text (builder.model, CF_DOC_BLOCK_TITLE, T ("Information and Instructions to the User"));
  cf_doc_model_add_text (builder.model, CF_DOC_BLOCK_SUBTITLE, product_name);
  cf_doc_model_add_text (builder.model, CF_DOC_BLOCK_SUBTITLE,
                         T ("Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 13(18) and Annex II"));

  manufacturer (b);
  reporting (b);
  product (b);
  purpose (b);
  risks (b);
  declaration (b);
  support (b);
  instructions (b);
  sbom (b);
  checklist (b);

  *is_draft = builder.missing;
  cf_doc_set_common (builder.model, input, T ("Information and Instructions to the User"), number, *is_draft);

  return builder.model;
}
