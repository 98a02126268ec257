/* test-catalogue.c — the regulation as data
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-catalogue.h"
#include "cf-error.h"

static CfCatalogue *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  CfCatalogue *catalogue = cf_catalogue_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);

  return catalogue;
}

/* Counts the items whose parent is @parent_id (NULL: top-level ones). */
static guint
count_children (CfCatalogue *catalogue,
                const char  *section,
                const char  *parent_id)
{
  GListModel *items = cf_catalogue_get_items (catalogue, section);
  guint count = 0;

  g_assert_nonnull (items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cf_catalogue_item_get_parent_id (item), parent_id) == 0)
        count++;
    }

  return count;
}

static void
test_counts (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();

  /* Annex I part I: point (1) and the 13 requirements (2)(a)–(m). */
  g_assert_nonnull (cf_catalogue_lookup (catalogue, "AnnexI.PartI.1"));
  g_assert_cmpuint (count_children (catalogue, "AnnexI.PartI", "AnnexI.PartI.2"), ==, 13);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexI.PartI", "requirement"), ==, 14);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexI.PartII", "requirement"), ==, 8);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexIII.ClassI", "category"), ==, 19);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexIII.ClassII", "category"), ==, 4);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexIV", "category"), ==, 3);
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexV", "declaration-item"), ==, 8);
  g_assert_cmpuint (count_children (catalogue, "AnnexVII", NULL), ==, 8);
  g_assert_cmpuint (count_children (catalogue, "AnnexVII", "AnnexVII.1"), ==, 4);
  g_assert_cmpuint (count_children (catalogue, "AnnexVII", "AnnexVII.2"), ==, 3);
  g_assert_cmpuint (count_children (catalogue, "AnnexII", NULL), ==, 9);
  g_assert_cmpuint (count_children (catalogue, "AnnexII", "AnnexII.8"), ==, 6);
  g_assert_null (cf_catalogue_get_items (catalogue, "AnnexXX"));
}

static void
test_ids_and_wording (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  static const char * const letters = "abcdefghijklm";
  CfCatalogueItem *item;

  for (const char *l = letters; *l; l++)
    {
      g_autofree char *id = g_strdup_printf ("AnnexI.PartI.2.%c", *l);

      item = cf_catalogue_lookup (catalogue, id);
      g_assert_nonnull (item);
      g_assert_cmpstr (cf_catalogue_item_get_kind (item), ==, "requirement");
      g_assert_cmpstr (cf_catalogue_item_get_parent_id (item), ==, "AnnexI.PartI.2");
      g_assert_true (cf_catalogue_item_get_label_paraphrased (item));
    }
  for (guint i = 1; i <= 19; i++)
    {
      g_autofree char *id = g_strdup_printf ("AnnexIII.ClassI.%u", i);

      g_assert_nonnull (cf_catalogue_lookup (catalogue, id));
    }

  item = cf_catalogue_lookup (catalogue, "AnnexI.PartI.2.a");
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "be made available on the market without known exploitable vulnerabilities;");
  g_assert_cmpstr (cf_catalogue_item_get_ref (item), ==, "Annex I, Part I, point (2)(a)");

  item = cf_catalogue_lookup (catalogue, "AnnexI.PartII.1");
  g_assert_nonnull (strstr (cf_catalogue_item_get_text (item), "software bill of materials"));

  item = cf_catalogue_lookup (catalogue, "AnnexIII.ClassI.17");
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "Smart home products with security functionalities, including smart door locks, "
                   "security cameras, baby monitoring systems and alarm systems");
  g_assert_cmpstr (cf_catalogue_item_get_number (item), ==, "17");

  item = cf_catalogue_lookup (catalogue, "AnnexIV.3");
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "Smartcards or similar devices, including secure elements");

  item = cf_catalogue_lookup (catalogue, "AnnexIV.2");
  g_assert_nonnull (cf_catalogue_item_get_notes (item));
  g_assert_nonnull (strstr (cf_catalogue_item_get_notes (item)[0], "Directive (EU) 2019/944"));

  /* Annex V point 3 keeps the Official Journal's own word, "provider". */
  item = cf_catalogue_lookup (catalogue, "AnnexV.3");
  g_assert_nonnull (strstr (cf_catalogue_item_get_text (item), "sole responsibility of the provider"));

  g_assert_cmpstr (cf_catalogue_get_regulation (catalogue), ==, "Regulation (EU) 2024/2847");
  g_assert_cmpstr (cf_catalogue_get_section_ids (catalogue)[0], ==, "AnnexI.PartI");
  g_assert_cmpstr (cf_catalogue_get_section_chapeau (catalogue, "AnnexI.PartII"), ==,
                   "Manufacturers of products with digital elements shall:");
}

/* The catalogue installed for reviewers is the one compiled in. */
static void
test_source_file_matches (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CONFORMITY_SRCDIR"), "data",
                                            "cra-catalogue.xml", NULL);
  g_autoptr(CfCatalogue) from_file = cf_catalogue_load_file (path, &error);
  g_autoptr(CfCatalogue) built_in = load_default ();
  const char * const *sections;

  g_assert_no_error (error);
  sections = cf_catalogue_get_section_ids (built_in);
  g_assert_cmpuint (g_strv_length ((GStrv) sections), ==,
                    g_strv_length ((GStrv) cf_catalogue_get_section_ids (from_file)));
  for (guint i = 0; sections[i]; i++)
    g_assert_cmpuint (cf_catalogue_count (from_file, sections[i], NULL), ==,
                      cf_catalogue_count (built_in, sections[i], NULL));
}

static void
assert_load_fails (const char *xml,
                   const char *expect_1,
                   const char *expect_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_bytes (bytes, "broken.xml", &error);

  g_assert_null (catalogue);
  g_assert_error (error, CF_ERROR, CF_ERROR_CATALOGUE);
  g_assert_nonnull (strstr (error->message, "broken.xml"));
  if (strstr (error->message, expect_1) == NULL || (expect_2 && strstr (error->message, expect_2) == NULL))
    g_error ("unexpected message: %s", error->message);
}

#define HEAD "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"https://conformity.github.io/ns/catalogue/1\">\n"

static void
test_malformed (void)
{
  /* Not well-formed: names the file and the line. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "  </section>\n"
                     "</catalogue>\n",
                     "line 5", NULL);

  /* Well-formed, but not a catalogue. */
  assert_load_fails ("<?xml version=\"1.0\"?>\n<html/>\n", "line 2", "<catalogue");
  assert_load_fails (HEAD "</catalogue>\n", "no sections", NULL);
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text></item>\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "S.1");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"wish\"><text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "wish");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "no text");
}

/* External entities could read local files into the app; a DOCTYPE is refused
 * outright and no entity is ever expanded. */
static void
test_entities_refused (void)
{
  g_autoptr(GError) error = NULL;
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE catalogue [ <!ENTITY leak SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<catalogue xmlns=\"https://conformity.github.io/ns/catalogue/1\">\n"
    "  <section id=\"S\"><item id=\"S.1\" kind=\"requirement\"><text>&leak;</text></item></section>\n"
    "</catalogue>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_bytes (bytes, "evil.xml", &error);

  g_assert_null (catalogue);
  g_assert_error (error, CF_ERROR, CF_ERROR_CATALOGUE);
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_file ("/nonexistent/catalogue.xml", &error);

  g_assert_null (catalogue);
  g_assert_error (error, CF_ERROR, CF_ERROR_CATALOGUE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/catalogue.xml"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalogue/counts", test_counts);
  g_test_add_func ("/catalogue/ids-and-wording", test_ids_and_wording);
  g_test_add_func ("/catalogue/source-file-matches", test_source_file_matches);
  g_test_add_func ("/catalogue/malformed", test_malformed);
  g_test_add_func ("/catalogue/entities-refused", test_entities_refused);
  g_test_add_func ("/catalogue/missing-file", test_missing_file);

  return g_test_run ();
}
