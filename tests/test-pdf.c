/* test-pdf.c — the layout engine, checked on the PDFs it writes
 *
 * Documents are rendered to files and read back with poppler's and qpdf's
 * command-line tools (installed by build-aux/test), the way a reader or an
 * archive would see them.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-pdf-renderer.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cf-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Runs a tool and returns what it printed; it must succeed. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = g_find_program_in_path (argv[0]);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (found == NULL)
    g_error ("%s is not installed; build-aux/test installs poppler-utils and qpdf", argv[0]);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static char *
render_to_file (Fixture            *f,
                CfDocModel         *model,
                const CfPdfOptions *options,
                const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cf_pdf_render_full (model, options, NULL, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  return path;
}

/* The text of every page, in layout mode; pdftotext ends each page with a
 * form feed. */
static GStrv
page_texts (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* Nothing follows the last form feed. */
  if (n > 0 && g_strstrip (pages[n - 1])[0] == '\0')
    g_clear_pointer (&pages[n - 1], g_free);

  return g_steal_pointer (&pages);
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* As count(), in binary data. */
static guint
count_bytes (const char *data,
             gsize       length,
             const char *needle)
{
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, needle_length) == 0)
      n++;

  return n;
}

/* The page (from 0) whose text has a line starting with @prefix, searching
 * from @from; G_MAXUINT when none has. */
static guint
find_line (GStrv        pages,
           const char  *prefix,
           guint        from,
           char       **line_out)
{
  for (guint i = from; pages[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          const char *line = g_strchug (lines[j]);

          /* Only a line with the prefix is long enough to look past it. */
          if (g_str_has_prefix (line, prefix)
              && (line[strlen (prefix)] == '\0' || line[strlen (prefix)] == ' '))
            {
              if (line_out != NULL)
                *line_out = g_strdup (line);
              return i;
            }
        }
    }

  return G_MAXUINT;
}

static void
assert_qpdf_check (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *out = run (argv);

  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
}

static void
assert_fonts_embedded_and_subset (const char *pdf,
                                  guint       min_fonts)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *fonts = run (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (columns[n - 5], ==, "yes");   /* emb */
      g_assert_cmpstr (columns[n - 4], ==, "yes");   /* sub */
      g_assert_cmpstr (columns[n - 3], ==, "yes");   /* uni */
      g_assert_true (strstr (lines[i], "DejaVuSans") != NULL);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, min_fonts);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A half-transparent picture, as charts are. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgba (cr, 0.1, 0.3, 0.8, 0.6);
  cairo_rectangle (cr, 0, 0, width / 2.0, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.4, 0.1);
  cairo_arc (cr, width * 0.75, height / 2.0, height / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static void
add_paragraph (CfDocModel *model,
               const char *text)
{
  cf_doc_model_add_text (model, CF_DOC_BLOCK_PARAGRAPH, text);
}

/* The model */

static void
test_model_numbering (void)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Numbers");
  g_autofree char *text = NULL;
  CfDocBlock *h[7];

  cf_doc_model_set_numbered_headings (model, TRUE);
  h[0] = cf_doc_model_add_heading (model, 1, "One");
  h[1] = cf_doc_model_add_heading (model, 2, "One.One");
  h[2] = cf_doc_model_add_heading (model, 3, "One.One.One");
  h[3] = cf_doc_model_add_heading (model, 2, "One.Two");
  h[4] = cf_doc_model_add_heading (model, 1, "Two");
  /* A heading never skips a level: 3 right after 1 becomes 2. */
  h[5] = cf_doc_model_add_heading (model, 3, "Two.One");
  h[6] = cf_doc_model_add_heading (model, 3, "Two.One.One");

  g_assert_cmpstr (h[0]->number, ==, "1");
  g_assert_cmpstr (h[1]->number, ==, "1.1");
  g_assert_cmpstr (h[2]->number, ==, "1.1.1");
  g_assert_cmpstr (h[3]->number, ==, "1.2");
  g_assert_cmpstr (h[4]->number, ==, "2");
  g_assert_cmpstr (h[5]->number, ==, "2.1");
  g_assert_cmpuint (h[5]->level, ==, 2);
  g_assert_cmpstr (h[6]->number, ==, "2.1.1");

  text = cf_doc_model_to_text (model);
  g_assert_nonnull (strstr (text, "1.1.1 One.One.One\n1.2 One.Two\n"));

  /* Without numbering, headings carry their own, as the declaration's do;
   * turning it on again numbers what is there. */
  cf_doc_model_set_numbered_headings (model, FALSE);
  g_assert_null (h[3]->number);
  cf_doc_model_set_numbered_headings (model, TRUE);
  g_assert_cmpstr (h[3]->number, ==, "1.2");
  g_assert_cmpstr (h[6]->number, ==, "2.1.1");
}

static void
test_page_label (void)
{
  g_autofree char *english = cf_pdf_format_page_label (NULL, 3, 12);
  g_autofree char *german = cf_pdf_format_page_label ("Seite {page} von {pages}", 1, 9);
  g_autofree char *odd = cf_pdf_format_page_label ("%s %n {pages}/{page} {other}", 2, 5);

  g_assert_cmpstr (english, ==, "Page 3 of 12");
  g_assert_cmpstr (german, ==, "Seite 1 von 9");
  /* Nothing but the two placeholders is interpreted. */
  g_assert_cmpstr (odd, ==, "%s %n 5/2 {other}");
}

static void
test_model_table (void)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Table");
  double widths[] = { 1, 3 };
  CfDocBlock *table = cf_doc_model_add_table (model, 2, widths);
  g_autofree char *text = NULL;

  g_assert_cmpfloat_with_epsilon (table->widths[0], 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (table->widths[1], 0.75, 1e-9);

  cf_doc_table_add_header_cell (table, "Key");
  cf_doc_table_add_header_cell (table, "Value");
  cf_doc_table_add_row (table);
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "a");
  /* A short row is padded when the next begins. */
  cf_doc_table_add_row (table);
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "b");
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_CODE, "c");
  g_assert_cmpuint (cf_doc_table_get_n_rows (table), ==, 2);

  text = cf_doc_model_to_text (model);
  g_assert_cmpstr (text, ==, "Key | Value\na | \nb | c\n");
}

/* Tables */

static CfDocModel *
long_table_model (guint n_rows)
{
  CfDocModel *model = cf_doc_model_new ("Long table");
  double widths[] = { 2, 2, 5, 2 };
  CfDocBlock *table;

  cf_doc_model_set_running_head (model, "Long table");
  cf_doc_model_add_heading (model, 1, "Bill of materials");
  add_paragraph (model, "Every component, with its hash.");
  table = cf_doc_model_add_table (model, 4, widths);
  cf_doc_table_add_header_cell (table, "Component");
  cf_doc_table_add_header_cell (table, "Μέρος");
  cf_doc_table_add_header_cell (table, "Описание");
  cf_doc_table_add_header_cell (table, "Właściciel");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *first = g_strdup_printf ("R%03u-start", i);
      g_autofree char *last = g_strdup_printf ("wrapped over lines of the cell R%03u-end", i);
      CfDocRow *cell;

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, first);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "Ελληνικά");
      cell = cf_doc_table_add_cell (table);
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, i % 5 == 0 ? "A long description " : "Short ");
      cf_doc_row_add_run (cell, CF_DOC_STYLE_CODE, "sha256:9f86d081884c7d659a2feaa0c55ad015 ");
      cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, last);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "Łódź ŁŃŚŹŻ");
    }
  add_paragraph (model, "After the table.");

  return model;
}

static void
test_table_repeats_header (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CfDocModel) model = long_table_model (120);
  g_autofree char *pdf = render_to_file (f, model, NULL, "table.pdf");
  g_auto(GStrv) pages = page_texts (pdf);
  guint n_pages = g_strv_length (pages);
  guint table_pages = 0;

  g_assert_cmpuint (n_pages, ==, count_pages (pdf));
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint p = 0; p < n_pages; p++)
    {
      guint rows_here = count (pages[p], "-start");

      /* Every page the table runs on starts with its header, once. */
      if (rows_here > 0)
        {
          g_assert_cmpuint (count (pages[p], "Component"), ==, 1);
          g_assert_cmpuint (count (pages[p], "Описание"), ==, 1);
          g_assert_true (strstr (pages[p], "Component") < strstr (pages[p], "-start"));
          table_pages++;
        }
    }
  g_assert_cmpuint (table_pages, >=, 3);

  /* No row is cut: each starts and ends on the same page, once. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *start = g_strdup_printf ("R%03u-start", i);
      g_autofree char *end = g_strdup_printf ("R%03u-end", i);
      guint found = 0;

      for (guint p = 0; p < n_pages; p++)
        if (strstr (pages[p], start) != NULL)
          {
            g_assert_nonnull (strstr (pages[p], end));
            found++;
          }
      g_assert_cmpuint (found, ==, 1);
    }

  assert_qpdf_check (pdf);
  assert_fonts_embedded_and_subset (pdf, 3);
}

/* A word too long for its table cell is cut after its hyphen, where a
 * reader expects it, and the cut loses nothing. */
static void
test_compound_cut_at_hyphen (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Hyphens");
  double widths[] = { 1, 6 };
  CfDocBlock *table = cf_doc_model_add_table (model, 2, widths);
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean cut_after_hyphen = FALSE;

  cf_doc_table_add_header_cell (table, "Kind");
  cf_doc_table_add_header_cell (table, "Title");
  cf_doc_table_add_row (table);
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "Software-Stückliste");
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "SBOM");
  pdf = render_to_file (f, model, NULL, "hyphens.pdf");
  pages = page_texts (pdf);
  lines = g_strsplit (pages[0], "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (g_str_has_prefix (lines[i], "Software-") && strstr (lines[i], "Stü") == NULL &&
          strstr (lines[i + 1], "Stückliste") != NULL)
        cut_after_hyphen = TRUE;
    }
  g_assert_true (cut_after_hyphen);
}

static void
test_table_huge_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Huge row");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  CfDocBlock *table;

  for (guint i = 0; i < 140; i++)
    g_string_append_printf (text, "L%03u\n", i);

  table = cf_doc_model_add_table (model, 2, NULL);
  cf_doc_table_add_header_cell (table, "Heads");
  cf_doc_table_add_header_cell (table, "Lines");
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "small");
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "row");
  cf_doc_table_add_row (table);
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "huge");
  cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, text->str);

  /* A row taller than a page is split by lines, under a repeated header,
   * and loses nothing. */
  pdf = render_to_file (f, model, NULL, "huge.pdf");
  pages = page_texts (pdf);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);
  for (guint p = 0; pages[p] != NULL; p++)
    g_assert_cmpuint (count (pages[p], "Heads"), ==, 1);
  all = g_strjoinv ("", pages);
  for (guint i = 0; i < 140; i++)
    {
      g_autofree char *line = g_strdup_printf ("L%03u", i);

      g_assert_cmpuint (count (all, line), ==, 1);
    }
  assert_qpdf_check (pdf);
}

/* Headings, contents and bookmarks */

typedef struct
{
  guint level;
  char *title;    /* with its number */
} Expected;

static CfDocModel *
sectioned_model (GArray *expected)
{
  CfDocModel *model = cf_doc_model_new ("Technical documentation");
  guint numbers[3] = { 0 };

  cf_doc_model_set_numbered_headings (model, TRUE);
  cf_doc_model_add_toc (model);

  /* Enough headings for contents longer than a page. */
  for (guint chapter = 1; chapter <= 12; chapter++)
    {
      for (guint section = 0; section <= 4; section++)
        {
          guint level = section == 0 ? 1 : (section == 3 ? 3 : 2);
          const char *kind = level == 1 ? "Chapter Łódź" : level == 2 ? "Section Ελληνικά"
                             : "Detail Кириллица";
          g_autofree char *name = g_strdup_printf ("%s %u.%u", kind, chapter, section);
          Expected e = { level, NULL };

          numbers[level - 1]++;
          for (guint l = level; l < 3; l++)
            numbers[l] = 0;
          e.title = level == 1 ? g_strdup_printf ("%u %s", numbers[0], name)
                    : level == 2 ? g_strdup_printf ("%u.%u %s", numbers[0], numbers[1], name)
                    : g_strdup_printf ("%u.%u.%u %s", numbers[0], numbers[1], numbers[2], name);
          g_array_append_val (expected, e);

          cf_doc_model_add_heading (model, level, name);
          for (guint k = 0; k < chapter % 4 + 1; k++)
            add_paragraph (model, "Text of the section, long enough to wrap onto a second line so "
                                  "that sections take different amounts of room on the page.");
        }
    }

  return model;
}

static void
expected_clear (gpointer data)
{
  g_free (((Expected *) data)->title);
}

static void
test_toc_page_numbers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_autoptr(CfDocModel) model = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_entries = 0;

  g_array_set_clear_func (expected, expected_clear);
  model = sectioned_model (expected);
  pdf = render_to_file (f, model, NULL, "toc.pdf");
  pages = page_texts (pdf);

  g_assert_nonnull (strstr (pages[0], "Contents"));
  /* The contents take more than a page, so their own length counts. */
  g_assert_nonnull (strstr (pages[1], "Chapter"));
  g_assert_nonnull (strstr (pages[1], ". ."));

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      g_autofree char *entry = NULL;
      guint toc_page = find_line (pages, e->title, 0, &entry);
      guint page = G_MAXUINT;
      const char *number;

      g_assert_cmpuint (toc_page, !=, G_MAXUINT);

      /* The heading itself comes after its entry in the contents. */
      for (guint from = toc_page + 1; from < g_strv_length (pages); from = page + 1)
        {
          guint found = find_line (pages, e->title, from, NULL);

          if (found == G_MAXUINT)
            break;
          page = found;
        }

      if (e->level > 2)
        {
          /* Level 3 is in the text, not in the contents. */
          g_assert_cmpuint (page, ==, G_MAXUINT);
          g_assert_null (strstr (entry, ". ."));
          continue;
        }

      g_assert_cmpuint (page, !=, G_MAXUINT);
      g_assert_nonnull (strstr (entry, ". ."));
      number = strrchr (entry, ' ') + 1;
      g_assert_cmpuint (g_ascii_strtoull (number, NULL, 10), ==, page + 1);
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 48);
}

static void
collect_outline (JsonArray *items,
                 guint      level,
                 GPtrArray *out)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      const char *title = json_object_get_string_member (item, "title");

      g_ptr_array_add (out, g_strdup_printf ("%u %s", level, title));
      if (json_object_has_member (item, "kids"))
        collect_outline (json_object_get_array_member (item, "kids"), level + 1, out);
    }
}

static void
test_outline_nests (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) outline = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;

  g_array_set_clear_func (expected, expected_clear);
  model = sectioned_model (expected);
  pdf = render_to_file (f, model, NULL, "outline.pdf");

  {
    const char *argv[] = { "qpdf", "--json", "--json-key=outlines", pdf, NULL };

    json = run (argv);
  }
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  collect_outline (json_object_get_array_member (root, "outlines"), 1, outline);

  /* Every heading, in order, nested by its level, with its number. */
  g_assert_cmpuint (outline->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      g_autofree char *want = g_strdup_printf ("%u %s", e->level, e->title);

      g_assert_cmpstr (g_ptr_array_index (outline, i), ==, want);
    }
}

static void
test_heading_keeps_with_next (Fixture       *f,
                              gconstpointer  data)
{
  const char *text = "The first paragraph under the heading, which is long enough to fill "
                     "three lines of the page so that it cannot start in a small gap at the "
                     "bottom of a page and has to move on to the next one together with its "
                     "heading, which must never be left behind on its own.";
  guint carried = 0;

  /* Fillers of one line each walk the heading down the page, past the
   * point where only it, but not the paragraph, would still fit. */
  for (guint n = 28; n < 38; n++)
    {
      g_autoptr(CfDocModel) model = cf_doc_model_new ("Keep");
      g_autofree char *name = g_strdup_printf ("keep-%u.pdf", n);
      g_autofree char *pdf = NULL;
      g_auto(GStrv) pages = NULL;
      guint heading_page, paragraph_page;

      for (guint i = 0; i < n; i++)
        add_paragraph (model, "Filler.");
      cf_doc_model_add_heading (model, 1, "The heading");
      add_paragraph (model, text);

      pdf = render_to_file (f, model, NULL, name);
      pages = page_texts (pdf);
      heading_page = find_line (pages, "The heading", 0, NULL);
      paragraph_page = find_line (pages, "The first paragraph", 0, NULL);
      g_assert_cmpuint (heading_page, !=, G_MAXUINT);
      g_assert_cmpuint (heading_page, ==, paragraph_page);

      /* Moved: the page before ends with fillers only. */
      if (heading_page > 0 && count (pages[heading_page], "Filler.") == 0)
        carried++;
    }
  g_assert_cmpuint (carried, >, 0);
}

/* Lists, pictures, scripts, labels */

static void
test_lists_and_image (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Pictures");
  g_autoptr(GBytes) small = make_png (300, 120);
  g_autofree char *pdf = NULL;
  g_autofree char *list = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) lines = NULL;
  CfDocBlock *bullets, *numbers;
  guint n_images = 0;

  bullets = cf_doc_model_add_list (model, FALSE);
  cf_doc_row_add_run (cf_doc_list_add_item (bullets), CF_DOC_STYLE_NORMAL, "First bullet");
  cf_doc_row_add_run (cf_doc_list_add_item (bullets), CF_DOC_STYLE_BOLD, "Second bullet");
  numbers = cf_doc_model_add_list (model, TRUE);
  for (guint i = 0; i < 12; i++)
    cf_doc_row_add_run (cf_doc_list_add_item (numbers), CF_DOC_STYLE_NORMAL,
                        "A numbered item that is long enough to wrap onto a second line, "
                        "hanging under its first word.");
  cf_doc_model_add_image (model, small, "Figure 1: a picture, Εικόνα, Рисунок");

  pdf = render_to_file (f, model, NULL, "image.pdf");
  pages = page_texts (pdf);
  all = g_strjoinv ("", pages);
  g_assert_nonnull (strstr (all, "• First bullet"));
  g_assert_nonnull (strstr (all, "• Second bullet"));
  g_assert_nonnull (strstr (all, "1. A numbered item"));
  g_assert_nonnull (strstr (all, "12. A numbered item"));
  g_assert_nonnull (strstr (all, "Figure 1: a picture, Εικόνα, Рисунок"));

  /* One picture, drawn at 144 dpi: never enlarged beyond its pixels. */
  {
    const char *argv[] = { "pdfimages", "-list", pdf, NULL };

    list = run (argv);
  }
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      g_assert_cmpstr (columns[3], ==, "300");   /* width */
      g_assert_cmpstr (columns[4], ==, "120");   /* height */
      g_assert_cmpstr (columns[5], ==, "rgb");
      g_assert_cmpstr (columns[12], ==, "144");  /* x-ppi */
      n_images++;
    }
  g_assert_cmpuint (n_images, ==, 1);
  assert_qpdf_check (pdf);
}

static void
test_image_moves_whole (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Big picture");
  g_autoptr(GBytes) big = make_png (3000, 2400);
  g_autofree char *pdf = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) pages = NULL;

  for (guint i = 0; i < 20; i++)
    add_paragraph (model, "Filler before the picture.");
  cf_doc_model_add_image (model, big, "The caption stays with its picture");

  /* Too big for the rest of page 1: the picture and its caption go to page
   * 2, scaled to at most 60 % of the page. */
  pdf = render_to_file (f, model, NULL, "big.pdf");
  pages = page_texts (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_nonnull (strstr (pages[1], "The caption stays with its picture"));
  {
    const char *argv[] = { "pdfimages", "-list", "-f", "2", "-l", "2", pdf, NULL };

    list = run (argv);
  }
  g_assert_nonnull (strstr (list, "3000  2400"));
}

static void
test_bad_image (void)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Broken");
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  cf_doc_model_add_image (model, junk, NULL);
  pdf = cf_pdf_render (model, NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, CF_ERROR, CF_ERROR_PDF);
}

static void
test_scripts_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const samples[] = {
    "Zażółć gęślą jaźń ŁŃŚŹŻ",
    "Ελληνική έξυπνη κλειδαριά",
    "Съединение България София",
    "Čeština Ħal Għargħur Õunapuu Ærø Śląsk",
  };
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Ελληνικά Кириллица Łódź");
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  CfDocBlock *table, *list;

  cf_doc_model_set_numbered_headings (model, TRUE);
  table = cf_doc_model_add_table (model, 2, NULL);
  cf_doc_table_add_header_cell (table, "Język Γλώσσα");
  cf_doc_table_add_header_cell (table, "Текст");
  list = cf_doc_model_add_list (model, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      cf_doc_model_add_heading (model, 1 + i % 2, samples[i]);
      add_paragraph (model, samples[i]);
      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_BOLD, samples[i]);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_ITALIC, samples[i]);
      cf_doc_row_add_run (cf_doc_list_add_item (list), CF_DOC_STYLE_CODE, samples[i]);
    }

  /* libharu cannot show characters beyond the Basic Multilingual Plane:
   * they are marked, not lost without a trace. */
  add_paragraph (model, "Emoji 😀 and 𝔘 here");

  pdf = render_to_file (f, model, NULL, "scripts.pdf");
  pages = page_texts (pdf);
  all = g_strjoinv ("", pages);
  g_assert_nonnull (strstr (all, "Emoji � and � here"));
  g_assert_nonnull (strstr (all, "Język Γλώσσα"));
  g_assert_nonnull (strstr (all, "1 Zażółć gęślą jaźń ŁŃŚŹŻ"));
  g_assert_nonnull (strstr (all, "1.1 Ελληνική έξυπνη κλειδαριά"));
  g_assert_nonnull (strstr (all, "2 Съединение България София"));
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      /* In a table cell (twice), a list item, a paragraph and a heading. */
      g_assert_cmpuint (count (all, samples[i]), ==, 5);
    }

  assert_fonts_embedded_and_subset (pdf, 4);

  {
    /* The copied text is exact: no reader has to guess it. */
    const char *argv[] = { "sh", "-c", "pdftotext \"$0\" - 2>&1 >/dev/null", pdf, NULL };
    g_autofree char *warnings = run (argv);

    g_assert_cmpstr (warnings, ==, "");
  }
}

static void
test_title_page_and_labels (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Technische Dokumentation");
  g_autofree char *pdf = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  cf_doc_model_set_title_page (model, TRUE);
  cf_doc_model_set_language (model, "de");
  cf_doc_model_set_watermark (model, "ENTWURF");
  cf_doc_model_set_running_head_parts (model, "Ελληνική κλειδαριά · Technische Dokumentation",
                                       "TD-7 · Version 3");
  cf_doc_model_set_footer (model, "Erstellt mit Conformity");
  cf_doc_model_set_page_label_format (model, "Seite {page} von {pages}");
  cf_doc_model_add_title_page_row (model, "Hersteller", "Zakład Łódź Sp. z o.o.");
  cf_doc_model_add_title_page_row (model, "Dokumentnummer", "TD-7-v3");
  cf_doc_model_add_text (model, CF_DOC_BLOCK_TITLE, "Technische Dokumentation");
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE, "Verordnung (EU) 2024/2847, Anhang VII");
  for (guint i = 0; i < 70; i++)
    add_paragraph (model, "Ein Absatz des Dokuments.");

  pdf = render_to_file (f, model, NULL, "title.pdf");
  pages = page_texts (pdf);
  n_pages = count_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 3);

  /* Page 1 is the title page: title, subtitle, rows, no running head. */
  g_assert_nonnull (strstr (pages[0], "Technische Dokumentation"));
  g_assert_nonnull (strstr (pages[0], "Verordnung (EU) 2024/2847, Anhang VII"));
  g_assert_nonnull (strstr (pages[0], "Zakład Łódź Sp. z o.o."));
  g_assert_null (strstr (pages[0], "TD-7 · Version 3"));
  g_assert_null (strstr (pages[0], "Ein Absatz"));

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Seite %u von %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], label));
      g_assert_nonnull (strstr (pages[i], "Erstellt mit Conformity"));
      if (i > 0)
        {
          g_assert_nonnull (strstr (pages[i], "Ελληνική κλειδαριά · Technische Dokumentation"));
          g_assert_nonnull (strstr (pages[i], "TD-7 · Version 3"));
        }
    }

  /* pdftotext drops the watermark's diagonal text, so it is looked for in
   * the uncompressed content streams: "ENTWURF" in UTF-16, on every page. */
  {
    g_autofree char *expanded = g_build_filename (f->dir, "title-qdf.pdf", NULL);
    const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", pdf, expanded, NULL };
    g_autofree char *out = run (argv);
    g_autoptr(GError) error = NULL;
    g_autofree char *qdf = NULL;
    gsize length;

    g_file_get_contents (expanded, &qdf, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_bytes (qdf, length, "<0045004e00540057005500520046> Tj"), ==, n_pages);
  }

  {
    const char *argv[] = { "qpdf", "--json", "--json-key=qpdf", pdf, NULL };

    json = run (argv);
  }
  g_assert_nonnull (strstr (json, "\"/Lang\": \"u:de\""));
}

static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Risk assessment: Ελληνικά");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 11, 21, 10, 30, 0);
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *creator = g_strdup_printf ("Creator:         %s %s",
                                              PACKAGE_NAME, PACKAGE_VERSION);
  const char *argv[] = { "pdfinfo", "-isodates", NULL, NULL };

  cf_doc_model_set_author (model, "Zakład Łódź Sp. z o.o.");
  cf_doc_model_set_subject (model, "Smart lock");
  cf_doc_model_set_keywords (model, "CRA, Annex VII");
  cf_doc_model_set_created (model, created);
  add_paragraph (model, "Text.");

  pdf = render_to_file (f, model, NULL, "meta.pdf");
  argv[2] = pdf;
  info = run (argv);
  g_assert_nonnull (strstr (info, "Title:           Risk assessment: Ελληνικά"));
  g_assert_nonnull (strstr (info, "Author:          Zakład Łódź Sp. z o.o."));
  g_assert_nonnull (strstr (info, "Subject:         Smart lock"));
  g_assert_nonnull (strstr (info, "Keywords:        CRA, Annex VII"));
  g_assert_nonnull (strstr (info, creator));
  g_assert_nonnull (strstr (info, "CreationDate:    2026-11-21T10:30:00Z"));
}

static void
test_pdfa (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Declaration <draft> & notes");
  g_autoptr(GBytes) png = make_png (200, 100);
  CfPdfOptions options = { .pdfa = TRUE };
  g_autofree char *pdf = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *info = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  cf_doc_model_set_author (model, "R&D Łódź");
  cf_doc_model_set_language (model, "en");
  cf_doc_model_add_toc (model);
  cf_doc_model_add_heading (model, 1, "Scope");
  add_paragraph (model, "Ελληνικά, Кириллица, Łódź.");
  cf_doc_model_add_image (model, png, "A picture with transparency");

  pdf = render_to_file (f, model, &options, "pdfa.pdf");
  plain = render_to_file (f, model, NULL, "plain.pdf");
  {
    const char *argv[] = { "pdfinfo", "-meta", pdf, NULL };

    meta = run (argv);
  }
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };

    info = run (argv);
  }
  {
    const char *argv[] = { "qpdf", "--json", pdf, NULL };

    json = run (argv);
  }

  /* The XMP packet names PDF/A-1b and repeats the document information,
   * escaped. */
  g_assert_nonnull (strstr (meta, "<pdfaid:part>1</pdfaid:part>"));
  g_assert_nonnull (strstr (meta, "<pdfaid:conformance>B</pdfaid:conformance>"));
  g_assert_nonnull (strstr (meta, "Declaration &lt;draft&gt; &amp; notes"));
  g_assert_nonnull (strstr (meta, "<rdf:li>R&amp;D Łódź</rdf:li>"));
  g_assert_nonnull (strstr (meta, "<dc:language><rdf:Bag><rdf:li>en</rdf:li>"));
  g_assert_nonnull (strstr (info, "PDF version:     1.4"));

  /* An sRGB output intent, a file identifier, CIDSets, printable links,
   * no soft masks. */
  g_assert_nonnull (strstr (json, "\"/S\": \"/GTS_PDFA1\""));
  g_assert_nonnull (strstr (json, "\"/DestOutputProfile\":"));
  g_assert_nonnull (strstr (json, "\"/ID\":"));
  g_assert_cmpuint (count (json, "\"/CIDSet\":"), ==, 3);
  g_assert_nonnull (strstr (json, "\"/F\": 4"));
  g_assert_null (strstr (json, "/SMask"));
  assert_qpdf_check (pdf);
  assert_fonts_embedded_and_subset (pdf, 2);

  /* Without the option, none of it. */
  {
    const char *argv[] = { "pdfinfo", "-meta", plain, NULL };
    g_autofree char *plain_meta = run (argv);

    g_assert_null (strstr (plain_meta, "pdfaid"));
  }

  /* The same document gives the same bytes: nothing depends on the clock. */
  first = cf_pdf_render_full (model, &options, NULL, NULL);
  second = cf_pdf_render_full (model, &options, NULL, NULL);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_cancelled (void)
{
  g_autoptr(CfDocModel) model = long_table_model (10);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_cancellable_cancel (cancellable);
  pdf = cf_pdf_render (model, cancellable, &error);
  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A document the size of a large technical documentation: hundreds of
 * pages, long tables. How long it takes is reported, not asserted. */
static void
test_large_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CfDocModel) model = cf_doc_model_new ("Large");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = g_build_filename (f->dir, "large.pdf", NULL);
  gint64 start;
  guint n_pages;

  cf_doc_model_set_numbered_headings (model, TRUE);
  cf_doc_model_add_toc (model);
  for (guint chapter = 0; chapter < 30; chapter++)
    {
      CfDocBlock *table;

      cf_doc_model_add_heading (model, 1, "Chapter");
      for (guint section = 0; section < 4; section++)
        {
          cf_doc_model_add_heading (model, 2, "Section");
          for (guint i = 0; i < 8; i++)
            add_paragraph (model, "A paragraph of the technical documentation, describing "
                                  "the design, the development and the production of the "
                                  "product in enough words to fill a few lines of the page. "
                                  "Ελληνικά, Кириллица.");
        }
      table = cf_doc_model_add_table (model, 3, NULL);
      cf_doc_table_add_header_cell (table, "Requirement");
      cf_doc_table_add_header_cell (table, "Status");
      cf_doc_table_add_header_cell (table, "Evidence");
      for (guint i = 0; i < 100; i++)
        {
          cf_doc_table_add_row (table);
          cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL,
                              "Annex I, Part I (2)(a)");
          cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, "Verified");
          cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_CODE,
                              "sha256:9f86d081884c7d659a2feaa0c55ad015"
                              "a3bf4f1b2b0b822cd15d6c15b0f00a08");
        }
    }

  start = g_get_monotonic_time ();
  pdf = cf_pdf_render (model, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("rendered in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  n_pages = count_pages (path);
  g_test_message ("%u pages, %zu bytes", n_pages, g_bytes_get_size (pdf));
  g_assert_cmpuint (n_pages, >=, 250);
  assert_qpdf_check (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf/model/numbering", test_model_numbering);
  g_test_add_func ("/pdf/page-label", test_page_label);
  g_test_add_func ("/pdf/model/table", test_model_table);
  g_test_add_func ("/pdf/image/unreadable", test_bad_image);
  g_test_add_func ("/pdf/cancelled", test_cancelled);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pdf/table/repeats-header", test_table_repeats_header);
  ADD ("/pdf/table/huge-row", test_table_huge_row);
  ADD ("/pdf/table/compound-cut-at-hyphen", test_compound_cut_at_hyphen);
  ADD ("/pdf/toc/page-numbers", test_toc_page_numbers);
  ADD ("/pdf/outline/nests", test_outline_nests);
  ADD ("/pdf/heading/keeps-with-next", test_heading_keeps_with_next);
  ADD ("/pdf/list-and-image", test_lists_and_image);
  ADD ("/pdf/image/moves-whole", test_image_moves_whole);
  ADD ("/pdf/scripts/round-trip", test_scripts_round_trip);
  ADD ("/pdf/title-page-and-labels", test_title_page_and_labels);
  ADD ("/pdf/metadata", test_metadata);
  ADD ("/pdf/pdfa", test_pdfa);
  ADD ("/pdf/large-document", test_large_document);
#undef ADD

  return g_test_run ();
}
