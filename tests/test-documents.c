/* test-documents.c — every document, in every language, as a reader sees it
 *
 * Each kind of document is generated from the example product through the
 * generator, as the window and the CLI do, in English, German and French,
 * and read back with poppler's pdftotext (installed by build-aux/test). The
 * regulation's wording is expected in the document's language where the
 * catalogue records the official translation and in English otherwise;
 * Conformity's own words come from the phrasebook, which must have all of
 * them.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-declaration.h"
#include "cf-doc-phrases.h"
#include "cf-generator.h"
#include "cf-simplified-declaration.h"
#include "cf-store.h"

/* A4, in points. */
#define PAGE_HEIGHT 841.89

static const char * const languages[] = { "en", "de", "fr" };

static const char * const kinds[] = {
  CF_DOCUMENT_KIND_DECLARATION,
  CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION,
  CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION,
  CF_DOCUMENT_KIND_USER_INFORMATION,
};

typedef struct
{
  char        *dir;
  CfStore     *store;
  CfCatalogue *catalogue;
  CfGenerator *generator;
  gint64       product_id;
} Fixture;

static void
fixture_set_up_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cf-documents-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open (path, &error);
  g_assert_no_error (error);
  f->catalogue = cf_catalogue_load_default (&error);
  g_assert_no_error (error);
  f->generator = cf_generator_new (f->store, f->catalogue);
}

/* The example product: everything filled in, evidence attached. */
static void
fixture_set_up_example (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_store (f);
  f->product_id = cf_store_add_example (f->store, &error);
  g_assert_no_error (error);
}

/* A product with only what the store insists on, in a project without a
 * manufacturer. */
static void
fixture_set_up_bare (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  fixture_set_up_store (f);
  cf_record_set_field (CF_RECORD (product), "name", "Bare Sensor");
  cf_record_set_field (CF_RECORD (product), "model", "BS-0");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->generator);
  g_clear_object (&f->store);
  g_clear_object (&f->catalogue);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Helpers */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *found = g_find_program_in_path (argv[0]);
  int status;

  if (found == NULL)
    g_error ("%s is not installed; build-aux/test installs it", argv[0]);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

/* pdftotext breaks lines where the layout did: compare with runs of white
 * space, the no-break spaces of French typography included, collapsed to
 * one space. */
static char *
squash (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Where @needle (squashed) starts in @text at or after @from; fails the
 * test, naming what is missing, when it is not there. */
static const char *
find_from (const char *text,
           const char *from,
           const char *needle)
{
  g_autofree char *squashed = squash (needle);
  const char *found = strstr (from, squashed);

  if (found == NULL)
    g_error ("the PDF’s text lacks “%s”%s [[%.600s]]", squashed, from != text ? " where it is expected" : "", from);

  return found;
}

static void
assert_has (const char *text,
            const char *needle)
{
  find_from (text, text, needle);
}

/* The regulation's wording of @item_id as the document must quote it: in
 * @language where the catalogue records it, in English otherwise. */
static const char *
regulation_text (Fixture    *f,
                 const char *item_id,
                 const char *language)
{
  CfCatalogueItem *item = cf_catalogue_lookup (f->catalogue, item_id);
  const char *text;

  g_assert_nonnull (item);
  text = cf_catalogue_item_get_text_for (item, language);
  return text != NULL ? text : cf_catalogue_item_get_text (item);
}

static GPtrArray *
section_items (Fixture    *f,
               const char *section_id)
{
  GListModel *items = cf_catalogue_get_items (f->catalogue, section_id);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (ids, g_strdup (cf_catalogue_item_get_id (item)));
    }

  return ids;
}

typedef struct
{
  double  x;
  double  y;        /* the middle of the word's height */
  char   *text;
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->text);
  g_free (word);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const Word *wa = *(const Word * const *) a;
  const Word *wb = *(const Word * const *) b;

  return wa->y < wb->y ? -1 : wa->y > wb->y ? 1 : 0;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Word *wa = *(const Word * const *) a;
  const Word *wb = *(const Word * const *) b;

  return wa->x < wb->x ? -1 : wa->x > wb->x ? 1 : 0;
}

static double
attribute (const char *word,
           const char *name)
{
  const char *found = strstr (word, name);

  g_assert_nonnull (found);
  return g_ascii_strtod (found + strlen (name), NULL);
}

/* Appends a page's words line by line, top to bottom, left to right: the
 * order a reader follows, whatever the order they were drawn in. Words
 * whose middles are within a few points share a line, whatever their font. */
static void
append_page (GString   *out,
             GPtrArray *page)
{
  g_autoptr(GPtrArray) line = g_ptr_array_new ();

  g_ptr_array_sort (page, compare_words);
  for (guint i = 0; i <= page->len; i++)
    {
      Word *word = i < page->len ? g_ptr_array_index (page, i) : NULL;

      if (line->len > 0 && (word == NULL || word->y - ((Word *) g_ptr_array_index (line, 0))->y > 4))
        {
          g_ptr_array_sort (line, compare_x);
          for (guint j = 0; j < line->len; j++)
            g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "",
                                    ((Word *) g_ptr_array_index (line, j))->text);
          g_ptr_array_set_size (line, 0);
        }
      if (word != NULL)
        g_ptr_array_add (line, word);
    }
  g_ptr_array_set_size (page, 0);
}

/* The words of a PDF's pages, squashed, in the order a reader follows them
 * down each page; in @flow, in the order pdftotext strings them together,
 * which keeps the lines of a table cell together; and the running heads,
 * footers and page labels apart in @margins, so that a paragraph reads on
 * across a page break. The watermark is left out: pdftotext would put its
 * huge letters in the middle of the text (and -nodiag drops real words near
 * it), so words taller than any heading are not read. */
static char *
words_of (const char *pdf,
          char      **flow,
          char      **margins)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  static const char * const entities[][2] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&#39;", "'" }, { "&amp;", "&" },
  };
  g_autofree char *html = run (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (word_free);
  g_autoptr(GString) ordered = g_string_new (NULL);
  g_autoptr(GString) as_drawn = g_string_new (NULL);
  g_autoptr(GString) outside = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *word = strstr (lines[i], "<word ");
      const char *start = word ? strchr (word, '>') : NULL;
      const char *end = start ? strstr (start, "</word>") : NULL;
      double y_min, y_max;
      GString *text;
      Word *w;

      if (strstr (lines[i], "</page>") != NULL)
        append_page (ordered, page);
      if (end == NULL)
        continue;

      y_min = attribute (word, "yMin=\"");
      y_max = attribute (word, "yMax=\"");
      if (y_max - y_min > 40)
        continue;

      /* pdftotext escapes the text as HTML. */
      text = g_string_new_len (start + 1, end - start - 1);
      for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
        g_string_replace (text, entities[e][0], entities[e][1], 0);
      /* The page's body lies between 80 points from the top and 72 from the
       * bottom (src/core/cf-pdf-renderer.c). */
      if (y_max < 75 || y_min > PAGE_HEIGHT - 67)
        {
          g_string_append_printf (outside, "%s%s", outside->len > 0 ? " " : "", text->str);
          g_string_free (text, TRUE);
          continue;
        }
      g_string_append_printf (as_drawn, "%s%s", as_drawn->len > 0 ? " " : "", text->str);

      w = g_new0 (Word, 1);
      w->x = attribute (word, "xMin=\"");
      w->y = (y_min + y_max) / 2;
      w->text = g_string_free (text, FALSE);
      g_ptr_array_add (page, w);
    }
  append_page (ordered, page);

  if (flow != NULL)
    *flow = squash (as_drawn->str);
  if (margins != NULL)
    *margins = squash (outside->str);
  return squash (ordered->str);
}

/* Generates @kind in @language through the generator, checks what the store
 * recorded and returns the PDF's text as words_of() does; the PDF's path in
 * @pdf_out. */
static char *
generate_full (Fixture     *f,
               const char  *kind,
               const char  *language,
               char       **pdf_out,
               char       **flow)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDocumentInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *margins = NULL;
  g_autofree char *first_page = NULL;
  CfGenerateOptions options = { language, FALSE };

  info = cf_generator_generate_with (f->generator, f->product_id, kind, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_document_info_get_kind (info), ==, kind);
  g_assert_cmpstr (cf_document_info_get_language (info), ==, language);

  name = g_strdup_printf ("%s-%s-v%d.pdf", kind, language, cf_document_info_get_version (info));
  path = g_build_filename (f->dir, name, NULL);
  file = g_file_new_for_path (path);
  cf_store_save_document (f->store, cf_document_info_get_id (info), file, NULL, &error);
  g_assert_no_error (error);
  text = words_of (path, flow, &margins);

  /* The page labels are the document's, not the window's. */
  first_page = cf_phrase_format (language, "Page {page} of {pages}", "page", "1", "pages", "", NULL);
  assert_has (margins, g_strstrip (first_page));

  if (pdf_out != NULL)
    *pdf_out = g_steal_pointer (&path);

  return g_steal_pointer (&text);
}

static char *
generate (Fixture    *f,
          const char *kind,
          const char *language,
          char      **pdf_out)
{
  return generate_full (f, kind, language, pdf_out, NULL);
}

/* How many times @text is drawn as a watermark, read from the uncompressed
 * content streams: pdftotext leaves the diagonal text out. */
static guint
count_drawn (Fixture    *f,
             const char *pdf,
             const char *text)
{
  g_autofree char *expanded = g_strconcat (pdf, ".qdf", NULL);
  const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", pdf, expanded, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GString) operator = g_string_new ("<");
  g_autoptr(GError) error = NULL;
  g_autofree char *qdf = NULL;
  gsize length;
  guint n = 0;

  /* The fonts are written as two-byte Unicode, hence "<0044…> Tj". */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_printf (operator, "%04x", g_utf8_get_char (p));
  g_string_append (operator, "> Tj");

  g_file_get_contents (expanded, &qdf, &length, &error);
  g_assert_no_error (error);
  for (const char *p = qdf; (p = g_strstr_len (p, length - (p - qdf), operator->str)) != NULL; p++)
    n++;

  return n;
}

/* Tests */

static void
test_declaration (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_store_get_manufacturer (f->store, &error);

  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *text = generate (f, CF_DOCUMENT_KIND_DECLARATION, language, NULL);
      const char *at = text;
      gboolean english = FALSE;

      /* Every point of Annex V, numbered, in the regulation's order and words. */
      for (guint i = 1; i <= 8; i++)
        {
          g_autofree char *id = g_strdup_printf ("AnnexV.%u", i);
          const char *wording = regulation_text (f, id, language);
          g_auto(GStrv) lines = g_strsplit (wording, "\n", -1);
          g_autofree char *heading = g_strdup_printf ("%u. %s", i, g_strstrip (lines[0]));

          at = find_from (text, at, heading);
          for (guint j = 1; lines[j] != NULL; j++)
            at = find_from (text, at, g_strstrip (lines[j]));
          english |= cf_catalogue_item_get_text_for (cf_catalogue_lookup (f->catalogue, id), language) == NULL;
        }

      /* Quoted in English where no official translation is recorded, and
       * said once. */
      if (english && !g_str_equal (language, "en"))
        {
          g_autofree char *note = squash (cf_phrase (language, "The numbered points quote Annex V in English where "
                                                               "Conformity’s catalogue holds no official "
                                                               "translation of its wording."));
          const char *found = find_from (text, text, note);

          g_assert_null (strstr (found + 1, note));
        }

      assert_has (text, cf_record_get_field (CF_RECORD (manufacturer), "name"));
      assert_has (text, cf_phrase (language, "This declaration of conformity is issued under the sole "
                                             "responsibility of the manufacturer."));
    }
}

static void
test_declaration_words (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *de = generate (f, CF_DOCUMENT_KIND_DECLARATION, "de", NULL);
  g_autofree char *fr = generate (f, CF_DOCUMENT_KIND_DECLARATION, "fr", NULL);
  g_autofree char *en = generate (f, CF_DOCUMENT_KIND_DECLARATION, "en", NULL);

  assert_has (de, "EU-KONFORMITÄTSERKLÄRUNG");
  /* pdftotext reads the labels and values of a table apart. */
  assert_has (de, "Hersteller");
  assert_has (de, "Produktname");
  assert_has (de, "Typ oder Modell");
  assert_has (de, "Zusätzliche Identifizierung");
  assert_has (de, "Rückverfolgbarkeit");
  assert_has (de, "Die alleinige Verantwortung für die Ausstellung dieser Konformitätserklärung trägt der "
                  "Hersteller.");
  assert_has (de, "Verordnung (EU) 2024/2847 des Europäischen Parlaments und des Rates vom 23. Oktober 2024");
  assert_has (de, "(Cyberresilienz-Verordnung)");
  assert_has (de, "Interne Kontrolle (Modul A)");
  assert_has (de, "BEISPIEL. Aus den fiktiven Beispieldaten von Conformity erstellt.");
  assert_has (de, "Nr. DoC-1-v1");
  assert_has (de, "(Unterschrift)");
  g_assert_null (strstr (de, "Product name"));
  g_assert_null (strstr (de, "Manufacturer"));

  assert_has (fr, "DÉCLARATION UE DE CONFORMITÉ");
  assert_has (fr, "Fabricant");
  assert_has (fr, "Nom du produit");
  assert_has (fr, "Type ou modèle");
  assert_has (fr, "La présente déclaration de conformité est établie sous la seule responsabilité du fabricant.");
  assert_has (fr, "Règlement (UE) 2024/2847 du Parlement européen et du Conseil du 23 octobre 2024");
  assert_has (fr, "(règlement sur la cyberrésilience)");
  assert_has (fr, "Contrôle interne (module A)");
  assert_has (fr, "EXEMPLE. Généré à partir des données d’exemple fictives de Conformity.");
  g_assert_null (strstr (fr, "Product name"));

  assert_has (en, "EU DECLARATION OF CONFORMITY");
  assert_has (en, "Manufacturer");
  assert_has (en, "Product name");
  assert_has (en, "Regulation (EU) 2024/2847 of the European Parliament and of the Council of 23 October 2024");
  g_assert_null (strstr (en, "official translation"));
}

/* A draft in German: the placeholders and the list of what is missing are
 * German too, while the window's list stays in the window's language. */
static void
test_declaration_draft_words (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *de = generate (f, CF_DOCUMENT_KIND_DECLARATION, "de", NULL);
  g_autofree char *fr = generate (f, CF_DOCUMENT_KIND_DECLARATION, "fr", NULL);

  assert_has (de, "ENTWURF. Diese Erklärung ist unvollständig und darf weder unterzeichnet noch veröffentlicht "
                  "werden. Es fehlen: Name des Herstellers; Anschrift des Herstellers;");
  assert_has (de, "[fehlt: Name des Herstellers]");
  assert_has (de, "[fehlt: eine Version, ein Seriennummernbereich oder eine Charge, die das Produkt "
                  "rückverfolgbar macht]");
  assert_has (de, "[fehlt: Ort der Ausstellung]");
  assert_has (fr, "PROJET. La présente déclaration est incomplète et ne doit être ni signée ni publiée.");
  assert_has (fr, "[manquant : nom du fabricant]");
  g_assert_cmpstr (cf_declaration_describe_missing ("manufacturer.name"), ==, "manufacturer name");
}

static void
test_simplified_declaration (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_store_get_manufacturer (f->store, &error);
  g_autoptr(CfProduct) product = cf_store_get_product (f->store, f->product_id, &error);
  g_autoptr(CfUserInformation) users = cf_store_get_user_information (f->store, f->product_id, &error);
  g_autofree char *type = NULL;
  const char *url;

  g_assert_no_error (error);
  url = cf_record_get_field (CF_RECORD (users), "declaration-url");
  g_assert_nonnull (url);
  type = g_strdup_printf ("%s %s (%s)", cf_record_get_field (CF_RECORD (product), "name"),
                          cf_record_get_field (CF_RECORD (product), "model"),
                          cf_record_get_field (CF_RECORD (product), "version"));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *text = generate (f, CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION, language, NULL);
      const char *first_values[] = { cf_record_get_field (CF_RECORD (manufacturer), "name"), type };
      const char *second_values[] = { url };
      g_autofree char *first = cf_fill_template (regulation_text (f, "AnnexVI.1", language), first_values,
                                                 G_N_ELEMENTS (first_values));
      g_autofree char *second = cf_fill_template (regulation_text (f, "AnnexVI.2", language), second_values,
                                                  G_N_ELEMENTS (second_values));

      /* Both sentences, every hole filled. */
      assert_has (text, first);
      assert_has (text, second);
      g_assert_null (strstr (text, "[name of manufacturer]"));
      g_assert_null (strstr (text, "[designation of type"));
      g_assert_nonnull (strstr (text, url));
    }
}

static void
test_technical_documentation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = section_items (f, "AnnexVII");
  g_autoptr(GPtrArray) evidence = cf_store_list_evidence (f->store, f->product_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 15);   /* 1, 1(a)–(d), 2, 2(a)–(c), 3 to 8 */
  g_assert_cmpuint (evidence->len, >, 0);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *flow = NULL;
      g_autofree char *pdf = NULL;
      g_autofree char *text = generate_full (f, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, language, &pdf, &flow);
      const char *raw_argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *raw_text = run (raw_argv);
      g_autofree char *raw = squash (raw_text);
      g_autoptr(GString) joined = g_string_new (NULL);
      g_autofree char *heading = NULL;
      const char *annex;
      const char *at = text;

      assert_has (text, cf_phrase (language, "Technical Documentation"));
      assert_has (text, cf_phrase (language, "Regulation (EU) 2024/2847 (Cyber Resilience Act), Article 31 and "
                                             "Annex VII"));

      /* Every point of Annex VII, 1 to 8, in order, each with the
       * regulation's wording after the contents. */
      for (guint i = 0; i < items->len; i++)
        at = find_from (text, at, regulation_text (f, g_ptr_array_index (items, i), language));

      /* Then the annex, with every evidence item and the full SHA-256 of its
       * file. A hash is cut where it is wider than its column: in
       * pdftotext's raw order its pieces follow each other, so they are
       * joined again with every space and line break taken out. */
      at = find_from (text, at, cf_phrase (language, "Annex: evidence"));
      heading = squash (cf_phrase (language, "Annex: evidence"));
      annex = g_strrstr (raw, heading);
      g_assert_nonnull (annex);
      for (const char *p = annex; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (joined, *p);
      for (guint e = 0; e < evidence->len; e++)
        {
          CfEvidence *item = g_ptr_array_index (evidence, e);
          const CfEvidenceVersion *v = cf_evidence_get_latest (item);
          g_autofree char *id = g_strdup_printf ("E%" G_GINT64_FORMAT " ", cf_evidence_get_id (item));

          g_assert_cmpuint (strlen (v->sha256), ==, 64);
          if (strstr (joined->str, v->sha256) == NULL)
            g_error ("the evidence annex (%s) lacks the SHA-256 %s", language, v->sha256);
          assert_has (at, id);
        }
    }
}

/* A reason given for mitigating a risk is in the risk register, as an
 * acceptance's is: the reviewer reads why, not only what. */
static void
test_technical_documentation_treatment_reason (Fixture       *f,
                                               gconstpointer  data)
{
  static const char reason[] = "Rate limiting and lockout reduce the likelihood below the threshold";
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) threat = cf_store_get_threat (f->store, f->product_id, 1, &error);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cf_threat_get_treatment (threat), ==, "mitigate");
  cf_threat_set_treatment_reason (threat, reason);
  cf_store_update_threat (f->store, f->product_id, threat, &error);
  g_assert_no_error (error);

  text = generate (f, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, "en", &pdf);
  /* A table cell wraps its text: read it in drawing order, where a cell's
   * lines follow each other, and compare without the line breaks. */
  {
    const char *raw_argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *raw = run (raw_argv);

    flat = squash (raw);
  }
  {
    g_autofree char *wanted = squash (reason);

    if (strstr (flat, wanted) == NULL)
      g_error ("the risk register does not give the reason for mitigating T1");
  }
}

static void
test_user_information (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = section_items (f, "AnnexII");
  g_autoptr(CfUserInformation) users = cf_store_get_user_information (f->store, f->product_id, &error);
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (CF_RECORD (users), &n_specs);

  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *flow = NULL;
      g_autofree char *text = generate_full (f, CF_DOCUMENT_KIND_USER_INFORMATION, language, NULL, &flow);
      gboolean in_english = FALSE;

      assert_has (text, cf_phrase (language, "Information and Instructions to the User"));

      /* Every point of Annex II, in the closing table, whose cells are read
       * in the order they were drawn; where one is quoted in English, the
       * document says so. */
      for (guint i = 0; i < items->len; i++)
        {
          CfCatalogueItem *item = cf_catalogue_lookup (f->catalogue, g_ptr_array_index (items, i));

          assert_has (flow, regulation_text (f, g_ptr_array_index (items, i), language));
          in_english |= cf_catalogue_item_get_text_for (item, language) == NULL;
        }
      if (in_english && l > 0)
        assert_has (text, cf_phrase (language, "The table quotes Annex II in English where Conformity’s "
                                               "catalogue holds no official translation of its wording."));
      /* Its first column names the points by number alone, which every
       * language reads: no English "point 8(a)" in a German table. */
      g_assert_null (strstr (flow, "point 8(a)"));

      /* Every recorded field, as the manufacturer wrote it. */
      for (guint i = 0; i < n_specs; i++)
        {
          const char *value = cf_record_get_field (CF_RECORD (users), specs[i].name);
          g_auto(GStrv) paragraphs = NULL;

          g_assert_nonnull (value);
          paragraphs = g_strsplit (value, "\n\n", -1);
          for (guint p = 0; paragraphs[p] != NULL; p++)
            assert_has (text, g_strstrip (paragraphs[p]));
        }

      assert_has (text, cf_phrase (language, "Who makes this product"));
      assert_has (text, cf_phrase (language, "Using the product securely"));
      /* The end of support (the example's is January 2033), its month named
       * in the document's language, whatever the process's locale. */
      assert_has (text, (const char *[]) { "January 2033", "Januar 2033", "janvier 2033" }[l]);
      assert_has (text, cf_phrase (language, "Where each point of Annex II is answered"));
    }
}

/* Nothing recorded: every Annex VII section is still there, says so in red,
 * and the whole document is marked as a draft. */
static void
test_technical_documentation_empty (Fixture       *f,
                                    gconstpointer  data)
{
  static const struct {
    const char *item;
    const char *says;   /* NULL: a heading whose sub-points say it */
  } sections[] = {
    { "AnnexVII.1", "not recorded" },
    { "AnnexVII.1.a", "The intended purpose is not recorded (Risks, Context of the Assessment)." },
    { "AnnexVII.1.b", "not recorded" },
    { "AnnexVII.1.c", "No photographs or illustrations are recorded. For a hardware product, attach them as "
                      "evidence of the kind Screenshot (PNG images are shown here)." },
    { "AnnexVII.1.d", "The information and instructions to the user (Annex II) have not been generated yet." },
    { "AnnexVII.2", NULL },
    { "AnnexVII.2.a", "No design document is recorded (evidence of the kind Design document)." },
    { "AnnexVII.2.b", "No software bill of materials is recorded (evidence of the kind Software bill of "
                      "materials)." },
    { "AnnexVII.2.c", "Conformity does not record production and monitoring processes yet: add them to this "
                      "documentation, or attach them as evidence." },
    { "AnnexVII.3", "The risk register is empty." },
    { "AnnexVII.4", "not recorded" },
    { "AnnexVII.5", "Not stated in the declaration details (Edit Details, “Harmonised standards, common "
                    "specifications or certification”)." },
    { "AnnexVII.6", "No test report is recorded (evidence of the kinds Test report or Penetration test)." },
    { "AnnexVII.7", "No EU declaration of conformity has been generated yet." },
    { "AnnexVII.8", "No software bill of materials is recorded." },
  };
  g_autoptr(GPtrArray) items = section_items (f, "AnnexVII");

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (sections));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *pdf = NULL;
      g_autofree char *text = generate (f, CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, language, &pdf);
      const char *at = text;
      guint n_pages;

      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_autofree char *next = NULL;
          const char *end;

          g_assert_cmpstr (sections[i].item, ==, g_ptr_array_index (items, i));
          at = find_from (text, at, regulation_text (f, sections[i].item, language));
          if (sections[i].says == NULL)
            continue;

          /* Said within the section, before the next one begins. */
          next = squash (i + 1 < G_N_ELEMENTS (sections) ? regulation_text (f, sections[i + 1].item, language)
                                                         : cf_phrase (language, "Annex: evidence"));
          end = find_from (text, at, next);
          if (find_from (text, at, cf_phrase (language, sections[i].says)) > end)
            g_error ("%s (%s) does not say “%s”", sections[i].item, language, cf_phrase (language, sections[i].says));
        }
      at = find_from (text, at, cf_phrase (language, "Annex: evidence"));
      find_from (text, at, cf_phrase (language, "No evidence is recorded."));

      /* A draft: the notice, and the watermark on every page. */
      assert_has (text, cf_phrase (language, "DRAFT. "));
      {
        const char *argv[] = { "pdfinfo", pdf, NULL };
        g_autofree char *info = run (argv);
        g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

        n_pages = 0;
        for (guint i = 0; lines[i] != NULL; i++)
          if (g_str_has_prefix (lines[i], "Pages:"))
            n_pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
        g_assert_cmpuint (n_pages, >, 1);
        g_assert_cmpuint (count_drawn (f, pdf, cf_phrase (language, "DRAFT")), ==, n_pages);
      }
    }
}

/* Every word of every German and French document comes from the
 * phrasebook: a lookup that finds nothing would put English in the middle
 * of the document. */
static void
test_phrases_complete (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) missing = NULL;

  cf_phrase_reset_missing ();
  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(CfDocumentInfo) info = NULL;
        CfGenerateOptions options = { languages[l], FALSE };

        info = cf_generator_generate_with (f->generator, f->product_id, kinds[k], &options, NULL, &error);
        g_assert_no_error (error);
      }

  missing = cf_phrase_missing ();
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", missing);

      g_error ("the phrasebook lacks:\n%s", list);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, set_up, func) g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)
  ADD ("/documents/declaration/annex-v", fixture_set_up_example, test_declaration);
  ADD ("/documents/declaration/words", fixture_set_up_example, test_declaration_words);
  ADD ("/documents/declaration/draft-words", fixture_set_up_bare, test_declaration_draft_words);
  ADD ("/documents/simplified-declaration/annex-vi", fixture_set_up_example, test_simplified_declaration);
  ADD ("/documents/technical-documentation/annex-vii", fixture_set_up_example, test_technical_documentation);
  ADD ("/documents/technical-documentation/treatment-reason", fixture_set_up_example,
       test_technical_documentation_treatment_reason);
  ADD ("/documents/technical-documentation/nothing-recorded", fixture_set_up_bare,
       test_technical_documentation_empty);
  ADD ("/documents/user-information/annex-ii", fixture_set_up_example, test_user_information);
  ADD ("/documents/phrases/example", fixture_set_up_example, test_phrases_complete);
  ADD ("/documents/phrases/nothing-recorded", fixture_set_up_bare, test_phrases_complete);
#undef ADD

  return g_test_run ();
}
