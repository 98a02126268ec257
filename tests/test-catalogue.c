/* test-catalogue.c — the regulation as data
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cf-catalogue.h"
#include "cf-error.h"

/* The annexes whose wording goes into the documents Conformity writes: the
 * user information, the declaration and the simplified declaration. */
static const char * const document_sections[] = { "AnnexII", "AnnexV", "AnnexVI", NULL };

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
  g_assert_cmpuint (cf_catalogue_count (catalogue, "AnnexVI", "declaration-template"), ==, 2);
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

/* Annex VI: the introductory sentence is the chapeau, and each sentence of
 * the template an item, with the placeholders as the Official Journal has
 * them, so the app can fill them. */
static void
test_annex_vi (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  CfCatalogueItem *item;

  g_assert_cmpstr (cf_catalogue_get_section_annex (catalogue, "AnnexVI"), ==, "Annex VI");
  g_assert_cmpstr (cf_catalogue_get_section_title (catalogue, "AnnexVI"), ==,
                   "SIMPLIFIED EU DECLARATION OF CONFORMITY");
  g_assert_cmpstr (cf_catalogue_get_section_chapeau (catalogue, "AnnexVI"), ==,
                   "The simplified EU declaration of conformity referred to in Article 13(20) "
                   "shall be provided as follows:");
  g_assert_cmpuint (count_children (catalogue, "AnnexVI", NULL), ==, 2);

  item = cf_catalogue_lookup (catalogue, "AnnexVI.1");
  g_assert_nonnull (item);
  g_assert_cmpstr (cf_catalogue_item_get_kind (item), ==, "declaration-template");
  g_assert_cmpstr (cf_catalogue_item_get_section_id (item), ==, "AnnexVI");
  g_assert_nonnull (cf_catalogue_item_get_ref (item));
  g_assert_false (cf_catalogue_item_get_text_paraphrased (item));
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "Hereby, … [name of manufacturer] declares that the product with digital "
                   "elements type … [designation of type of product with digital element] is in "
                   "compliance with Regulation (EU) 2024/2847 (1).");
  /* The "(1)" is the Official Journal's footnote, kept as the footnote note. */
  g_assert_nonnull (cf_catalogue_item_get_notes (item)[0]);
  g_assert_nonnull (strstr (cf_catalogue_item_get_notes (item)[0],
                            "http://data.europa.eu/eli/reg/2024/2847/oj"));

  item = cf_catalogue_lookup (catalogue, "AnnexVI.2");
  g_assert_nonnull (item);
  g_assert_cmpstr (cf_catalogue_item_get_kind (item), ==, "declaration-template");
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "The full text of the EU declaration of conformity is available at the "
                   "following internet address: …");
}

/* The translations the built-in catalogue holds, and the ones it lacks.
 * tests/data/translations-sources.md says which are which and why. */
static void
test_translations_built_in (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  static const char * const annex_ii_de[] = {
    "AnnexII.1", "AnnexII.2", "AnnexII.3", "AnnexII.4", "AnnexII.5", "AnnexII.6",
    "AnnexII.7", "AnnexII.8", "AnnexII.8.a", "AnnexII.8.b", NULL
  };
  static const char * const missing[] = {
    "AnnexII.8.c", "AnnexII.8.d", "AnnexII.8.e", "AnnexII.8.f", "AnnexII.9",
    "AnnexV.1", "AnnexV.2", "AnnexV.3", "AnnexV.4", "AnnexV.5", "AnnexV.6", "AnnexV.7",
    "AnnexV.8", "AnnexVI.1", "AnnexVI.2", NULL
  };
  CfCatalogueItem *item;

  for (guint i = 0; annex_ii_de[i] != NULL; i++)
    {
      item = cf_catalogue_lookup (catalogue, annex_ii_de[i]);
      g_assert_true (cf_catalogue_item_has_language (item, "de"));
      g_assert_false (cf_catalogue_item_has_language (item, "fr"));
      g_assert_null (cf_catalogue_item_get_text_for (item, "fr"));
    }
  for (guint i = 0; missing[i] != NULL; i++)
    {
      item = cf_catalogue_lookup (catalogue, missing[i]);
      g_assert_nonnull (item);
      g_assert_null (cf_catalogue_item_get_text_for (item, "de"));
      g_assert_null (cf_catalogue_item_get_text_for (item, "fr"));
      g_assert_false (cf_catalogue_item_has_language (item, "de"));
      /* English is always there, and "en" gives it. */
      g_assert_true (cf_catalogue_item_has_language (item, "en"));
      g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "en"), ==,
                       cf_catalogue_item_get_text (item));
    }

  item = cf_catalogue_lookup (catalogue, "AnnexII.3");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "de"), ==,
                   "Name und Typ sowie alle zusätzlichen Informationen, die eine eindeutige "
                   "Identifizierung des Produkts mit digitalen Elementen ermöglichen;");
  /* The English text and its accessors are unchanged by a translation. */
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==,
                   "name and type and any additional information enabling the unique "
                   "identification of the product with digital elements;");
  g_assert_null (cf_catalogue_item_get_text_for (item, "xx"));

  /* A paraphrased label has no translation: Conformity's own words go
   * through gettext, not the catalogue. */
  item = cf_catalogue_lookup (catalogue, "AnnexV.1");
  g_assert_true (cf_catalogue_item_get_label_paraphrased (item));
  g_assert_null (cf_catalogue_item_get_label_for (item, "de"));
  g_assert_cmpstr (cf_catalogue_item_get_label_for (item, "en"), ==,
                   cf_catalogue_item_get_label (item));

  g_assert_cmpstr (cf_catalogue_get_section_chapeau_for (catalogue, "AnnexII", "de"), ==,
                   "Dem Produkt mit digitalen Elementen muss mindestens Folgendes beigefügt sein:");
  g_assert_null (cf_catalogue_get_section_chapeau_for (catalogue, "AnnexII", "fr"));
  g_assert_null (cf_catalogue_get_section_chapeau_for (catalogue, "AnnexV", "de"));
  g_assert_cmpstr (cf_catalogue_get_section_chapeau_for (catalogue, "AnnexV", "en"), ==,
                   cf_catalogue_get_section_chapeau (catalogue, "AnnexV"));
  for (guint i = 0; document_sections[i] != NULL; i++)
    {
      const char *section = document_sections[i];

      g_assert_null (cf_catalogue_get_section_title_for (catalogue, section, "de"));
      g_assert_null (cf_catalogue_get_section_title_for (catalogue, section, "fr"));
      g_assert_cmpstr (cf_catalogue_get_section_title_for (catalogue, section, "en"), ==,
                       cf_catalogue_get_section_title (catalogue, section));
    }
  g_assert_null (cf_catalogue_get_section_title_for (catalogue, "AnnexXX", "en"));
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

static CfCatalogue *
load_string (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  CfCatalogue *catalogue = cf_catalogue_load_bytes (bytes, "fixture.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);

  return catalogue;
}

/* The loader and the API on a fixture shaped like Annex V and Annex VI.
 * The "translations" are placeholders, not the regulation's wording. */
static void
test_translations_load (void)
{
  g_autoptr(CfCatalogue) catalogue = load_string (
    HEAD
    "  <section id=\"V\" annex=\"Annex V\" title=\"ENGLISH TITLE\">\n"
    "    <title xml:lang=\"de\">DE TITLE</title>\n"
    "    <title xml:lang=\"fr\">FR TITLE</title>\n"
    "    <chapeau>English chapeau:</chapeau>\n"
    "    <chapeau xml:lang=\"fr\">\n      FR chapeau:\n    </chapeau>\n"
    "    <item id=\"V.1\" kind=\"declaration-item\">\n"
    "      <label>English label</label>\n"
    "      <label xml:lang=\"de\">DE label</label>\n"
    "      <text xml:lang=\"de\">DE text 1</text>\n"
    "      <text>English text 1</text>\n"
    "      <text xml:lang=\"fr\">FR text 1</text>\n"
    "    </item>\n"
    "    <item id=\"V.2\" kind=\"declaration-item\"><text>English text 2</text></item>\n"
    "  </section>\n"
    "  <section id=\"VI\" annex=\"Annex VI\" title=\"VI\">\n"
    "    <item id=\"VI.1\" kind=\"declaration-template\">\n"
    "      <text>Hereby, … [x]</text>\n"
    "      <text xml:lang=\"de\">DE … [x]</text><text xml:lang=\"fr\">FR … [x]</text>\n"
    "    </item>\n"
    "  </section>\n"
    "</catalogue>\n");
  CfCatalogueItem *item = cf_catalogue_lookup (catalogue, "V.1");

  /* Order does not matter: the untagged text is English wherever it is. */
  g_assert_cmpstr (cf_catalogue_item_get_text (item), ==, "English text 1");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "de"), ==, "DE text 1");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "fr"), ==, "FR text 1");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "en"), ==, "English text 1");
  g_assert_cmpstr (cf_catalogue_item_get_label (item), ==, "English label");
  g_assert_cmpstr (cf_catalogue_item_get_label_for (item, "de"), ==, "DE label");
  g_assert_null (cf_catalogue_item_get_label_for (item, "fr"));
  g_assert_true (cf_catalogue_item_has_language (item, "de"));
  g_assert_true (cf_catalogue_item_has_language (item, "fr"));
  g_assert_false (cf_catalogue_item_has_language (item, "it"));
  g_assert_null (cf_catalogue_item_get_text_for (item, "de-DE"));

  item = cf_catalogue_lookup (catalogue, "V.2");
  g_assert_null (cf_catalogue_item_get_text_for (item, "de"));
  g_assert_false (cf_catalogue_item_has_language (item, "fr"));
  g_assert_true (cf_catalogue_item_has_language (item, "en"));

  item = cf_catalogue_lookup (catalogue, "VI.1");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "de"), ==, "DE … [x]");
  g_assert_cmpstr (cf_catalogue_item_get_text_for (item, "fr"), ==, "FR … [x]");

  g_assert_cmpstr (cf_catalogue_get_section_title (catalogue, "V"), ==, "ENGLISH TITLE");
  g_assert_cmpstr (cf_catalogue_get_section_title_for (catalogue, "V", "de"), ==, "DE TITLE");
  g_assert_cmpstr (cf_catalogue_get_section_title_for (catalogue, "V", "fr"), ==, "FR TITLE");
  g_assert_cmpstr (cf_catalogue_get_section_chapeau (catalogue, "V"), ==, "English chapeau:");
  g_assert_cmpstr (cf_catalogue_get_section_chapeau_for (catalogue, "V", "fr"), ==, "FR chapeau:");
  g_assert_null (cf_catalogue_get_section_chapeau_for (catalogue, "V", "de"));
  g_assert_null (cf_catalogue_get_section_title_for (catalogue, "VI", "de"));
  g_assert_cmpuint (cf_catalogue_count (catalogue, "V", NULL), ==, 2);
}

/* A language tag the catalogue does not know is refused, not ignored: a
 * silently dropped "gr" or "de-DE" would make the app fall back to English
 * for a text someone meant to provide, and nobody would notice. The same
 * goes for every other way a translation can be malformed. */
static void
test_translations_malformed (void)
{
  /* Unknown language. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"xx\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "“xx”");
  /* A region subtag is not a code the catalogue uses. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"de-DE\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "“de-DE”");
  /* English is the untagged element, never a tagged one. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"en\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "“en”");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "unknown language");
  /* Given twice. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"de\">y</text>\n"
                     "      <text xml:lang=\"de\">z</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 6", "S.1");
  /* lang without the xml: prefix is not a language tag; it would be a second
   * English text. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text lang=\"de\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "xml:lang");
  /* Empty. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"fr\">  </text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "empty");
  /* A translation is the Official Journal's wording or nothing. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <text xml:lang=\"fr\" paraphrased=\"true\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "paraphrased");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"scope-question\">"
                     "<text paraphrased=\"true\">x</text>\n"
                     "      <text xml:lang=\"de\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "paraphrased");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <label paraphrased=\"true\">l</label>"
                     "<label xml:lang=\"de\">m</label></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "label");
  /* Only label, text, title and chapeau are translated. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text>\n"
                     "      <note xml:lang=\"de\">n</note></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 5", "xml:lang");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\" xml:lang=\"de\">"
                     "<text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "xml:lang");
  assert_load_fails (HEAD
                     "  <section id=\"S\" xml:lang=\"fr\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 3", "xml:lang");
  /* The English title stays the attribute; a translated one needs it. */
  assert_load_fails (HEAD
                     "  <section id=\"S\" title=\"T\">\n"
                     "    <title>T2</title>\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "xml:lang");
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <title xml:lang=\"de\">T</title>\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 3", "no title");
  assert_load_fails (HEAD
                     "  <section id=\"S\" title=\"T\">\n"
                     "    <chapeau xml:lang=\"de\">C</chapeau>\n"
                     "    <item id=\"S.1\" kind=\"requirement\"><text>x</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 3", "no chapeau");
  /* A translation alone is not a text. */
  assert_load_fails (HEAD
                     "  <section id=\"S\">\n"
                     "    <item id=\"S.1\" kind=\"requirement\">"
                     "<text xml:lang=\"de\">y</text></item>\n"
                     "  </section>\n</catalogue>\n",
                     "line 4", "no text");
}

/* Whitespace runs collapsed to one space, so a table cell and a blockquote
 * compare alike. */
static char *
normalise (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);

  return g_strjoinv (" ", joined);
}

/* Found in the reference as it is, or, for a text of several lines (Annex V,
 * point 8), as the reference's table writes it: the lines joined by " / ". */
static gboolean
in_reference (const char *reference,
              const char *text)
{
  g_autofree char *flat = normalise (text);
  g_auto(GStrv) lines = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *joined_flat = NULL;

  if (strstr (reference, flat) != NULL)
    return TRUE;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  joined = g_strjoinv (" / ", lines);
  joined_flat = normalise (joined);

  return strstr (reference, joined_flat) != NULL;
}

/* Every English text the catalogue does not mark paraphrased is the
 * Official Journal's wording as the reference copy has it. Translations are
 * deliberately not compared: only the English text (get_text, and the
 * untagged chapeau) is read here, and the German or French wording has no
 * English reference to match. */
static void
test_verbatim_against_reference (void)
{
  g_autoptr(CfCatalogue) catalogue = load_default ();
  g_autofree char *path = g_build_filename (g_getenv ("CONFORMITY_SRCDIR"), "..", "shared",
                                            "reference", "cra-2024-2847.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *reference = NULL;
  const char * const *sections = cf_catalogue_get_section_ids (catalogue);
  guint compared = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("the reference copy of the regulation is not next to the source tree");
      return;
    }
  reference = normalise (contents);

  for (guint s = 0; sections[s] != NULL; s++)
    {
      GListModel *items = cf_catalogue_get_items (catalogue, sections[s]);
      const char *chapeau = cf_catalogue_get_section_chapeau (catalogue, sections[s]);

      if (chapeau != NULL && !in_reference (reference, chapeau))
        g_error ("the chapeau of %s is not in the reference: %s", sections[s], chapeau);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
          const char *text = cf_catalogue_item_get_text (item);

          if (cf_catalogue_item_get_text_paraphrased (item))
            continue;
          if (!in_reference (reference, text))
            g_error ("%s is not verbatim in the reference: %s",
                     cf_catalogue_item_get_id (item), text);
          compared++;
        }
    }

  /* The annexes of the documents: their titles too. */
  for (guint i = 0; document_sections[i] != NULL; i++)
    {
      const char *title = cf_catalogue_get_section_title (catalogue, document_sections[i]);

      g_assert_nonnull (strstr (reference, title));
    }

  g_assert_cmpuint (compared, >, 100);
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
  g_test_add_func ("/catalogue/annex-vi", test_annex_vi);
  g_test_add_func ("/catalogue/translations/built-in", test_translations_built_in);
  g_test_add_func ("/catalogue/translations/load", test_translations_load);
  g_test_add_func ("/catalogue/translations/malformed", test_translations_malformed);
  g_test_add_func ("/catalogue/verbatim-against-reference", test_verbatim_against_reference);

  return g_test_run ();
}
