/* test-classify.c — finding a product's Annex III or IV category by description
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-classifier.h"

static CfCatalogue *catalogue;
static CfClassifier *classifier;

static CfCategoryMatch *
best (GPtrArray *matches)
{
  return matches->len > 0 ? g_ptr_array_index (matches, 0) : NULL;
}

/* Every Annex III and IV category can be found by its own search terms,
 * and each belongs to the category of its annex section. */
static void
test_every_item_reachable (void)
{
  GListModel *items = cf_classifier_get_categories (classifier);
  guint n_class_1 = 0, n_class_2 = 0, n_critical = 0;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 19 + 4 + 3);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
      const char *id = cf_catalogue_item_get_id (item);
      const char * const *synonyms = cf_catalogue_item_get_synonyms (item);
      const char * const *examples = cf_catalogue_item_get_examples (item);
      CfCategory category = cf_classifier_category_of_item (classifier, id);
      gboolean first_somewhere = FALSE;

      if (g_str_has_prefix (id, "AnnexIII.ClassI."))
        {
          g_assert_cmpint (category, ==, CF_CATEGORY_IMPORTANT_CLASS_1);
          n_class_1++;
        }
      else if (g_str_has_prefix (id, "AnnexIII.ClassII."))
        {
          g_assert_cmpint (category, ==, CF_CATEGORY_IMPORTANT_CLASS_2);
          n_class_2++;
        }
      else
        {
          g_assert_true (g_str_has_prefix (id, "AnnexIV."));
          g_assert_cmpint (category, ==, CF_CATEGORY_CRITICAL);
          n_critical++;
        }

      if (g_strv_length ((GStrv) synonyms) < 2 || g_strv_length ((GStrv) examples) < 1)
        g_error ("%s needs at least two synonyms and one example in the catalogue", id);

      /* Each of its terms finds it; at least one puts it first. */
      for (guint pass = 0; pass < 2; pass++)
        {
          const char * const *terms = pass == 0 ? synonyms : examples;

          for (guint t = 0; terms[t] != NULL; t++)
            {
              g_autoptr(GPtrArray) matches = cf_classifier_suggest (classifier, terms[t]);
              gboolean found = FALSE;

              for (guint m = 0; m < matches->len; m++)
                if (cf_category_match_get_item (g_ptr_array_index (matches, m)) == item)
                  found = TRUE;
              if (!found)
                g_error ("“%s”, a search term of %s, does not find it", terms[t], id);
              if (cf_category_match_get_item (best (matches)) == item)
                first_somewhere = TRUE;
            }
        }
      if (!first_somewhere)
        g_error ("none of the search terms of %s ranks it first", id);
    }

  g_assert_cmpuint (n_class_1, ==, 19);
  g_assert_cmpuint (n_class_2, ==, 4);
  g_assert_cmpuint (n_critical, ==, 3);
}

/* Real products, described the way people describe them, with the category
 * they must get. The table is data: tests/data/product-descriptions.tsv. */
static void
test_descriptions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "product-descriptions.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0, n_default = 0, n_failures = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) matches = NULL;
      CfCategoryMatch *top;
      CfCategory expected;
      const char *got_category;
      const char *got_item;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 2);
      g_assert_true (cf_category_from_id (fields[1], &expected));

      matches = cf_classifier_suggest (classifier, fields[0]);
      top = best (matches);
      got_category = cf_category_to_id (cf_classifier_suggest_category (matches));
      got_item = top && !cf_category_match_get_is_feature (top)
                 ? cf_catalogue_item_get_id (cf_category_match_get_item (top)) : "";

      if (!g_str_equal (got_category, fields[1]) ||
          (fields[2] != NULL && *fields[2] != '\0' && !g_str_equal (got_item, fields[2])))
        {
          g_test_message ("“%s”: expected %s %s, got %s %s", fields[0], fields[1],
                          fields[2] ? fields[2] : "", got_category, got_item);
          n_failures++;
        }

      n_cases++;
      if (expected == CF_CATEGORY_DEFAULT)
        n_default++;
    }

  g_assert_cmpuint (n_failures, ==, 0);
  g_assert_cmpuint (n_cases, >=, 30);
  g_assert_cmpuint (n_default, >=, 8);
}

static void
test_generic_words_match_nothing (void)
{
  static const char * const generic[] = {
    "smart", "smart device", "a smart product with digital elements", "software", "hardware",
    "security", "connected device", "app", "", "   ", NULL
  };

  for (guint i = 0; generic[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) matches = cf_classifier_suggest (classifier, generic[i]);

      if (matches->len != 0)
        g_error ("“%s” matched %s", generic[i],
                 cf_catalogue_item_get_id (cf_category_match_get_item (best (matches))));
    }
}

/* Article 7(1): a product that merely integrates a component of a category
 * is not in that category. The feature is still listed, marked as one. */
static void
test_integrated_components_are_features (void)
{
  static const struct {
    const char *description;
    const char *feature;
  } cases[] = {
    { "Smart TV with built-in web browser", "AnnexIII.ClassI.2" },
    { "Laptop with fingerprint reader", "AnnexIII.ClassI.1" },
    { "Smartphone with embedded secure element", "AnnexIV.3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) matches = cf_classifier_suggest (classifier, cases[i].description);
      CfCategoryMatch *top = best (matches);

      g_assert_cmpint (cf_classifier_suggest_category (matches), ==, CF_CATEGORY_DEFAULT);
      if (top == NULL || !cf_category_match_get_is_feature (top) ||
          g_strcmp0 (cf_catalogue_item_get_id (cf_category_match_get_item (top)), cases[i].feature) != 0)
        g_error ("“%s” should list %s as a feature", cases[i].description, cases[i].feature);
    }

  /* What the product is still decides: a baby monitor with a voice assistant. */
  {
    g_autoptr(GPtrArray) matches = cf_classifier_suggest (classifier, "Baby monitor with voice assistant");

    g_assert_cmpstr (cf_catalogue_item_get_id (cf_category_match_get_item (best (matches))), ==,
                     "AnnexIII.ClassI.17");
    g_assert_false (cf_category_match_get_is_feature (best (matches)));
  }
}

static void
test_ranking_and_highlight (void)
{
  g_autoptr(GPtrArray) matches = cf_classifier_suggest (classifier, "Firewall appliance with intrusion prevention");
  CfCategoryMatch *top = best (matches);
  const char *title;
  g_autoptr(GArray) ranges = NULL;

  g_assert_nonnull (top);
  g_assert_cmpstr (cf_catalogue_item_get_id (cf_category_match_get_item (top)), ==, "AnnexIII.ClassII.2");
  g_assert_cmpint (cf_category_match_get_category (top), ==, CF_CATEGORY_IMPORTANT_CLASS_2);
  g_assert_cmpfloat (cf_category_match_get_score (top), >, 1.0);

  /* The words that matched can be found in the category's own title. */
  title = cf_catalogue_item_get_text (cf_category_match_get_item (top));
  ranges = cf_classifier_find_words (title, cf_category_match_get_matched_words (top));
  g_assert_cmpuint (ranges->len, >=, 2);
  g_assert_cmpint (strncmp (title + g_array_index (ranges, int, 0), "Firewalls",
                            g_array_index (ranges, int, 1) - g_array_index (ranges, int, 0)), ==, 0);

  /* Plurals, case and accents do not matter. */
  {
    g_autofree char *a = cf_classifier_normalize_word ("ROUTERS");
    g_autofree char *b = cf_classifier_normalize_word ("Switches");
    g_autofree char *c = cf_classifier_normalize_word ("Café");

    g_assert_cmpstr (a, ==, "router");
    g_assert_cmpstr (b, ==, "switch");
    g_assert_cmpstr (c, ==, "cafe");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  classifier = cf_classifier_new (catalogue);

  g_test_add_func ("/classify/every-item-reachable", test_every_item_reachable);
  g_test_add_func ("/classify/descriptions", test_descriptions);
  g_test_add_func ("/classify/generic-words-match-nothing", test_generic_words_match_nothing);
  g_test_add_func ("/classify/ranking-and-highlight", test_ranking_and_highlight);
  g_test_add_func ("/classify/integrated-components-are-features", test_integrated_components_are_features);

  status = g_test_run ();

  g_clear_object (&classifier);
  g_clear_object (&catalogue);

  return status;
}
