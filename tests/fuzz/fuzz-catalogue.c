/* fuzz-catalogue.c — one input as the regulation's catalogue (XML)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cf-catalogue.h"
#include "cf-classifier.h"
#include "cf-error.h"
#include "cf-requirement-assessment.h"
#include "fuzz.h"

#define SHOWN "fuzz-catalogue.xml"

static void
check_strv (const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    cf_fuzz_check_text (strv[i]);
}

static void
check_item (CfCatalogue     *catalogue,
            CfCatalogueItem *item,
            const char      *section_id)
{
  const char *id = cf_catalogue_item_get_id (item);

  g_assert_nonnull (id);
  cf_fuzz_check_text (id);
  g_assert_true (cf_catalogue_lookup (catalogue, id) == item);
  g_assert_cmpstr (cf_catalogue_item_get_section_id (item), ==, section_id);
  cf_fuzz_check_text (cf_catalogue_item_get_parent_id (item));
  cf_fuzz_check_text (cf_catalogue_item_get_ref (item));
  cf_fuzz_check_text (cf_catalogue_item_get_kind (item));
  cf_fuzz_check_text (cf_catalogue_item_get_label (item));
  cf_fuzz_check_text (cf_catalogue_item_get_text (item));
  cf_fuzz_check_text (cf_catalogue_item_get_number (item));
  cf_fuzz_check_text (cf_catalogue_item_get_help (item));
  cf_fuzz_check_text (cf_catalogue_item_get_basis (item));
  cf_fuzz_check_text (cf_catalogue_item_get_basis_ref (item));
  cf_fuzz_check_text (cf_catalogue_item_get_text_for (item, "de"));
  cf_fuzz_check_text (cf_catalogue_item_get_label_for (item, "fr"));
  check_strv (cf_catalogue_item_get_notes (item));
  check_strv (cf_catalogue_item_get_synonyms (item));
  check_strv (cf_catalogue_item_get_examples (item));
  g_assert_cmpuint (cf_catalogue_item_get_depth (item), <=, 4);
}

/* What the window and the CLI do with a catalogue once it is loaded. */
static void
check_catalogue (CfCatalogue *catalogue)
{
  const char * const *sections = cf_catalogue_get_section_ids (catalogue);
  g_autoptr(CfClassifier) classifier = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) requirements = NULL;

  g_assert_nonnull (sections);
  g_assert_nonnull (sections[0]);
  cf_fuzz_check_text (cf_catalogue_get_regulation (catalogue));
  cf_fuzz_check_text (cf_catalogue_get_eli (catalogue));

  for (guint s = 0; sections[s] != NULL; s++)
    {
      GListModel *items = cf_catalogue_get_items (catalogue, sections[s]);

      cf_fuzz_check_text (sections[s]);
      cf_fuzz_check_text (cf_catalogue_get_section_title (catalogue, sections[s]));
      cf_fuzz_check_text (cf_catalogue_get_section_annex (catalogue, sections[s]));
      cf_fuzz_check_text (cf_catalogue_get_section_chapeau (catalogue, sections[s]));
      cf_fuzz_check_text (cf_catalogue_get_section_title_for (catalogue, sections[s], "de"));
      g_assert_nonnull (items);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

          check_item (catalogue, item, sections[s]);
        }
      g_assert_cmpuint (cf_catalogue_count (catalogue, sections[s], NULL), ==,
                        g_list_model_get_n_items (items));
    }

  classifier = cf_classifier_new (catalogue);
  matches = cf_classifier_suggest (classifier, "A password manager with a VPN client");
  g_assert_nonnull (matches);
  requirements = cf_requirements_list (catalogue);
  g_assert_nonnull (requirements);
}

int
cf_fuzz_catalogue (const guint8 *data,
                   gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;

  cf_fuzz_init ();

  catalogue = cf_catalogue_load_bytes (bytes, SHOWN, &error);
  cf_fuzz_check_outcome (catalogue != NULL, error, SHOWN);
  if (error != NULL)
    g_assert_true (g_error_matches (error, CF_ERROR, CF_ERROR_CATALOGUE));
  else
    check_catalogue (catalogue);

  return 0;
}
