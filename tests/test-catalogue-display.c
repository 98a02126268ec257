/* test-catalogue-display.c — the catalogue in the window's language
 *
 * Runs in German against the catalog po/ builds (po/de/LC_MESSAGES/ of the
 * build tree): Conformity's own words of data/cra-catalogue.xml are
 * translated for the window, the regulation's text never is, and the plain
 * getters the documents use stay English.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "cf-catalogue.h"
#include "cf-lifecycle.h"

static CfCatalogue *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  CfCatalogue *catalogue = cf_catalogue_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

static CfCatalogueItem *
lookup (CfCatalogue *catalogue,
        const char  *id)
{
  CfCatalogueItem *item = cf_catalogue_lookup (catalogue, id);

  g_assert_nonnull (item);
  return item;
}

static void
test_display_getters (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  CfCatalogueItem *item = lookup (catalogue, "AnnexI.PartI.2.a");
  CfCatalogueItem *question = lookup (catalogue, "Scope.spare-part");
  /* The label holds an "&", which gettext 0.21 extracts as "&amp;". */
  CfCatalogueItem *clause = lookup (catalogue, "Std.IEC62443-4-2.FR1");

  g_assert_cmpstr (cf_catalogue_item_get_display_ref (item), ==, "Anhang I Teil I Nummer 2 Buchstabe a");
  g_assert_cmpstr (cf_catalogue_item_get_display_label (item), ==, "Keine bekannten ausnutzbaren Schwachstellen");
  g_assert_cmpstr (cf_catalogue_item_get_display_help (question), ==,
                   "Ein neueres oder anderes Teil, das eine Komponente ersetzt, ist kein identisches Ersatzteil.");
  g_assert_cmpstr (cf_catalogue_item_get_display_basis_ref (question), ==, "Artikel 2 Absatz 6");
  g_assert_cmpstr (cf_catalogue_item_get_display_label (clause), ==, "FR1 Identifizierungs- und Authentifizierungskontrolle");
  g_assert_cmpstr (cf_catalogue_item_get_display_text (question), ==,
                   "Ist es ein Ersatzteil, das ein identisches Bauteil ersetzt und nach denselben "
                   "Spezifikationen hergestellt ist wie das Bauteil, das es ersetzt?");
  /* The regulation's own text stays as the catalogue holds it. */
  g_assert_true (cf_catalogue_item_get_display_text (item) == cf_catalogue_item_get_text (item));

  /* The documents choose their language themselves: English here. */
  g_assert_cmpstr (cf_catalogue_item_get_ref (item), ==, "Annex I, Part I, point (2)(a)");
  g_assert_cmpstr (cf_catalogue_item_get_label (item), ==, "No known exploitable vulnerabilities");
  g_assert_cmpstr (cf_catalogue_item_get_help (question), ==,
                   "A newer or different part that replaces a component is not an identical spare part.");
  g_assert_cmpstr (cf_catalogue_item_get_label (clause), ==, "FR1 identification & authentication control");
  g_assert_true (g_str_has_prefix (cf_catalogue_item_get_text (question), "Is it a spare part"));
}

/* Conformity's notes are translated; the Official Journal's footnotes not. */
static void
test_notes (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  g_auto(GStrv) method = cf_catalogue_item_dup_display_notes (lookup (catalogue, "Risk.likelihood.1"));
  g_auto(GStrv) footnote = cf_catalogue_item_dup_display_notes (lookup (catalogue, "AnnexVI.1"));
  g_auto(GStrv) none = cf_catalogue_item_dup_display_notes (lookup (catalogue, "AnnexI.PartI.1"));

  g_assert_cmpuint (g_strv_length (method), ==, 1);
  g_assert_true (g_str_has_prefix (method[0], "Diese Skalen für Eintrittswahrscheinlichkeit"));
  g_assert_cmpuint (g_strv_length (footnote), ==, 1);
  g_assert_cmpstr (footnote[0], ==, "OJ L, 2024/2847, 20.11.2024, ELI: http://data.europa.eu/eli/reg/2024/2847/oj.");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_key_dates (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(CfLifecycle) lc = cf_lifecycle_compute (catalogue, NULL, today);
  gboolean found = FALSE;

  for (guint i = 0; i < lc->key_dates->len; i++)
    {
      CfKeyDate *key = g_ptr_array_index (lc->key_dates, i);

      g_assert_cmpstr (cf_catalogue_display_string (key->ref), !=, key->ref);
      if (g_strcmp0 (key->id, "Date.reporting") == 0)
        {
          g_assert_cmpstr (cf_catalogue_display_string (key->label), ==,
                           "Meldepflichten für aktiv ausgenutzte Schwachstellen und schwerwiegende "
                           "Sicherheitsvorfälle (Artikel 14) gelten");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Every label, paraphrased text, help and reference the window shows has
 * its German (so po/its/ extracts exactly what the loader reads, blanks and
 * "&" included), and no text of the regulation, footnote, synonym or example
 * is in the translator's hands. */
static void
test_whole_catalogue (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  const char * const *sections = cf_catalogue_get_section_ids (catalogue);
  guint translated = 0;

  for (guint s = 0; sections[s] != NULL; s++)
    {
      GListModel *items = cf_catalogue_get_items (catalogue, sections[s]);
      const char *chapeau = cf_catalogue_get_section_chapeau (catalogue, sections[s]);

      g_assert_true (chapeau == NULL || cf_catalogue_display_string (chapeau) == chapeau);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
          const char *label = cf_catalogue_item_get_label (item);
          const char *text = cf_catalogue_item_get_text (item);
          const char *basis = cf_catalogue_item_get_basis (item);
          const char * const *notes = cf_catalogue_item_get_notes (item);
          const char * const *synonyms = cf_catalogue_item_get_synonyms (item);
          const char * const *examples = cf_catalogue_item_get_examples (item);
          g_auto(GStrv) shown = cf_catalogue_item_dup_display_notes (item);

          g_test_message ("%s", cf_catalogue_item_get_id (item));
          if (label != NULL && cf_catalogue_item_get_label_paraphrased (item))
            g_assert_cmpstr (cf_catalogue_item_get_display_label (item), !=, label);
          if (cf_catalogue_item_get_ref (item) != NULL)
            g_assert_cmpstr (cf_catalogue_item_get_display_ref (item), !=, cf_catalogue_item_get_ref (item));
          if (cf_catalogue_item_get_help (item) != NULL)
            g_assert_cmpstr (cf_catalogue_item_get_display_help (item), !=, cf_catalogue_item_get_help (item));
          if (cf_catalogue_item_get_basis_ref (item) != NULL)
            g_assert_cmpstr (cf_catalogue_item_get_display_basis_ref (item), !=,
                             cf_catalogue_item_get_basis_ref (item));

          /* The regulation's wording comes from the Official Journal only. */
          if (text != NULL && !cf_catalogue_item_get_text_paraphrased (item))
            {
              g_assert_true (cf_catalogue_display_string (text) == text);
              g_assert_true (cf_catalogue_item_get_display_text (item) == text);
            }
          if (text != NULL && cf_catalogue_item_get_text_paraphrased (item))
            g_assert_cmpstr (cf_catalogue_item_get_display_text (item), !=, text);
          g_assert_true (basis == NULL || cf_catalogue_display_string (basis) == basis);
          for (guint n = 0; synonyms[n] != NULL; n++)
            g_assert_true (cf_catalogue_display_string (synonyms[n]) == synonyms[n]);
          for (guint n = 0; examples[n] != NULL; n++)
            g_assert_true (cf_catalogue_display_string (examples[n]) == examples[n]);
          g_assert_cmpuint (g_strv_length (shown), ==, notes ? g_strv_length ((GStrv) notes) : 0);

          translated++;
        }
    }
  g_assert_cmpuint (translated, >, 100);
}

int
main (int    argc,
      char **argv)
{
  /* gettext ignores LANGUAGE only in the "C" locale: C.UTF-8 (the test
   * environment's LC_ALL) is enough, no German locale needs generating. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue-display/getters", test_display_getters);
  g_test_add_func ("/catalogue-display/notes", test_notes);
  g_test_add_func ("/catalogue-display/key-dates", test_key_dates);
  g_test_add_func ("/catalogue-display/whole-catalogue", test_whole_catalogue);

  return g_test_run ();
}
