/* cf-pdf-renderer.c — the one place that knows how a document looks on paper
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-pdf"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <math.h>
#include <string.h>

#include "cf-error.h"
#include "cf-fonts.h"
#include "cf-pdf-renderer.h"

/* Rendering takes two passes. The layout pass breaks every block into
 * lines and places them on pages as a list of drawing operations, without
 * touching libharu's pages. Only then, when the number of pages and the
 * page of every heading are known, the drawing pass writes the pages, the
 * bookmarks, the contents' page numbers and "Page X of Y". The contents
 * reserve the same room for any page number, so their length never
 * depends on the numbers they show, and the one layout pass is exact:
 * nothing is measured twice. */

/* A4 in points, and the type area. */
#define PAGE_WIDTH       595.276f
#define PAGE_HEIGHT      841.89f
#define MARGIN_LEFT       62.0f
#define MARGIN_RIGHT      62.0f
#define MARGIN_TOP        80.0f
#define MARGIN_BOTTOM     72.0f
#define TEXT_WIDTH       (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define CONTENT_TOP      (PAGE_HEIGHT - MARGIN_TOP)
#define CONTENT_HEIGHT   (CONTENT_TOP - MARGIN_BOTTOM)
#define LINE_FACTOR        1.38f
#define BODY_SIZE         10.0f
#define BODY_LINE        (BODY_SIZE * LINE_FACTOR)

#define KEY_COLUMN       (TEXT_WIDTH * 0.32f)
#define COLUMN_GAP        10.0f
#define CELL_PADDING       4.5f
#define NOTICE_PADDING     8.0f

#define TABLE_SIZE         9.0f
#define TABLE_PADDING      4.0f
#define LIST_INDENT        6.0f
#define TOC_INDENT        22.0f
#define TOC_NUMBER_ROOM   32.0f
#define IMAGE_DPI        144.0f
#define IMAGE_MAX_HEIGHT (CONTENT_HEIGHT * 0.6f)

#define MAX_LEVEL          3

typedef enum
{
  FONT_REGULAR,
  FONT_BOLD,
  FONT_ITALIC,
  FONT_MONO,
  N_FONTS
} FontId;

static const char * const font_files[N_FONTS] = {
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
  "DejaVuSansMono.ttf",
};

/* Headings by level; level 0 is the declaration's numbered points. */
static const float heading_size[MAX_LEVEL + 1] = { 10.5f, 14.0f, 12.0f, 10.5f };
static const float heading_before[MAX_LEVEL + 1] = { 12.0f, 18.0f, 14.0f, 10.0f };
static const float heading_after[MAX_LEVEL + 1] = { 4.0f, 6.0f, 5.0f, 3.0f };

/* Glyph widths in thousandths of an em, measured once per font and
 * character: the scripts of the EU's languages and common punctuation sit
 * in arrays, anything else in a hash table. Fonts have no kerning here, so
 * a text's width is the sum of its characters'. */
#define LOW_CHARS    0x0530
#define PUNCT_FIRST  0x2000
#define PUNCT_CHARS  0x0200

typedef struct
{
  gint16      low[LOW_CHARS];     /* -1 until measured */
  gint16      punct[PUNCT_CHARS];
  GHashTable *other;              /* gunichar → width + 1 */
} Widths;

typedef struct
{
  FontId   font;
  float    size;
  float    gray;     /* text colour, unless red */
  gboolean red;
} TextStyle;

/* A piece of a laid-out line: text in one style, already measured. */
typedef struct
{
  TextStyle  style;
  GString   *text;
  float      width;
} Fragment;

typedef struct
{
  GPtrArray *fragments;   /* of Fragment */
  float      width;
  float      height;      /* line height of its largest style */
  float      size;        /* largest font size, for the baseline */
} Line;

typedef enum
{
  OP_TEXT,        /* data is a Line; y is its top */
  OP_RULE,        /* from x to x + w at y, h thick, in gray */
  OP_BOX,         /* a rectangle from (x, y) up, w × h, drawn in style */
  OP_IMAGE,       /* data is an HPDF_Image, placed like a box */
  OP_ANCHOR,      /* data is the Heading that starts at y: its bookmark */
  OP_TOC_NUMBER,  /* data is a Heading: leaders from x to its page number; y, h: line top, size */
  OP_LINK,        /* data is a Heading: a link to it over the box */
} OpKind;

typedef enum
{
  BOX_NOTICE,
  BOX_SHADE,
} BoxStyle;

typedef struct
{
  OpKind   kind;
  BoxStyle style;
  float    x, y, w, h;
  float    gray;
  gpointer data;
} Op;

typedef struct
{
  GArray   *ops;          /* of Op */
  gboolean  title_page;   /* no running head */
} Page;

typedef struct
{
  CfDocBlock *block;
  char       *title;      /* number and text on one line: bookmark and contents entry */
  guint       level;      /* 1 to MAX_LEVEL */
  guint       page;       /* counted from 0, known after layout */
  float       y;
} Heading;

/* Where the headings waiting to be kept with what follows them begin. */
typedef struct
{
  gboolean set;
  guint    page;
  guint    op;
  float    y;
} Mark;

typedef struct
{
  HPDF_Doc            pdf;
  HPDF_Font           fonts[N_FONTS];
  Widths             *widths[N_FONTS];
  CfDocModel         *model;
  CfPdfOptions        options;
  GCancellable       *cancellable;

  /* Layout */
  GPtrArray          *lines;      /* of Line: every line made, owned here */
  GPtrArray          *pages;      /* of Page */
  float               y;          /* top of the free space on the last page */
  GPtrArray          *headings;   /* of Heading, in document order */
  guint               next_heading;
  Mark                keep;
  gboolean            in_heading;

  /* Drawing */
  HPDF_Page          *hpdf_pages;
  HPDF_Page           page;

  HPDF_STATUS         hpdf_error;
  HPDF_STATUS         hpdf_detail;
  GError             *error;
} Renderer;

/* libharu */

static void
hpdf_error_cb (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  Renderer *r = user_data;

  if (r->hpdf_error == 0)
    {
      r->hpdf_error = error_no;
      r->hpdf_detail = detail_no;
    }
}

static gboolean
failed (Renderer *r)
{
  if (r->error == NULL && r->hpdf_error != 0)
    r->error = g_error_new (CF_ERROR, CF_ERROR_PDF,
                            _("Could not produce the PDF: libharu reported error 0x%04X (detail %u)."),
                            (guint) r->hpdf_error, (guint) r->hpdf_detail);

  return r->error != NULL;
}

/* libharu 2.3.0 gives its Unicode fonts a ToUnicode entry that holds a CID
 * CMap, which readers reject ("Invalid 'begincidrange' operator") before
 * guessing. Character codes are Unicode code points, so the right map is
 * the identity; with it every reader copies the text out exactly. */
static void
fix_to_unicode (Renderer  *r,
                HPDF_Font  font)
{
  g_autoptr(GString) cmap = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                                          "12 dict begin\n"
                                          "begincmap\n"
                                          "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                                          "/Supplement 0 >> def\n"
                                          "/CMapName /Adobe-Identity-UCS def\n"
                                          "/CMapType 2 def\n"
                                          "1 begincodespacerange\n"
                                          "<0000> <FFFF>\n"
                                          "endcodespacerange\n");
  HPDF_Dict stream;
  guint n = 0;

  /* Ranges may not cross a high byte, and at most 100 go in a section;
   * surrogates are not characters. */
  for (guint high = 0; high < 0x100; high++)
    {
      if (high >= 0xD8 && high <= 0xDF)
        continue;
      if (n % 100 == 0)
        g_string_append_printf (cmap, "%s%u beginbfrange\n", n > 0 ? "endbfrange\n" : "",
                                MIN (100, 0x100 - 8 - n));
      g_string_append_printf (cmap, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
      n++;
    }
  g_string_append (cmap, "endbfrange\n"
                         "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");

  stream = HPDF_DictStream_New (r->pdf->mmgr, r->pdf->xref);
  if (stream == NULL)
    return;
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Stream_Write (stream->stream, (const HPDF_BYTE *) cmap->str, cmap->len);
  HPDF_Dict_Add (font, "ToUnicode", stream);
}

static HPDF_Font
get_font (Renderer *r,
          FontId    id)
{
  g_autofree char *path = NULL;
  const char *name;

  /* Loaded on first use, so a document embeds only the faces it shows. */
  if (r->fonts[id] != NULL || failed (r))
    return r->fonts[id];

  path = cf_fonts_find (font_files[id], &r->error);
  if (path == NULL)
    return NULL;

  name = HPDF_LoadTTFontFromFile (r->pdf, path, HPDF_TRUE);
  if (name != NULL)
    r->fonts[id] = HPDF_GetFont (r->pdf, name, "UTF-8");

  if (r->fonts[id] == NULL && r->error == NULL)
    r->error = g_error_new (CF_ERROR, CF_ERROR_FONT,
                            _("The font “%s” could not be embedded in the PDF."), path);
  if (r->fonts[id] != NULL)
    fix_to_unicode (r, r->fonts[id]);

  return r->fonts[id];
}

static Widths *
widths_new (void)
{
  Widths *w = g_new (Widths, 1);

  memset (w->low, 0xff, sizeof w->low);
  memset (w->punct, 0xff, sizeof w->punct);
  w->other = g_hash_table_new (NULL, NULL);

  return w;
}

static void
widths_free (Widths *w)
{
  if (w == NULL)
    return;

  g_hash_table_unref (w->other);
  g_free (w);
}

/* Measuring a character also tells libharu to put its glyph in the subset. */
static int
char_width (Renderer  *r,
            FontId     id,
            HPDF_Font  font,
            gunichar   c)
{
  Widths *w = r->widths[id];
  gint16 *slot = NULL;
  char utf8[6];
  int width;

  if (c < LOW_CHARS)
    slot = &w->low[c];
  else if (c >= PUNCT_FIRST && c - PUNCT_FIRST < PUNCT_CHARS)
    slot = &w->punct[c - PUNCT_FIRST];

  if (slot != NULL && *slot >= 0)
    return *slot;
  if (slot == NULL)
    {
      gpointer value = g_hash_table_lookup (w->other, GUINT_TO_POINTER (c));

      if (value != NULL)
        return GPOINTER_TO_INT (value) - 1;
    }

  width = (int) HPDF_Font_TextWidth (font, (const HPDF_BYTE *) utf8,
                                     g_unichar_to_utf8 (c, utf8)).width;

  if (slot != NULL)
    *slot = (gint16) width;
  else
    g_hash_table_insert (w->other, GUINT_TO_POINTER (c), GINT_TO_POINTER (width + 1));

  return width;
}

static float
measure (Renderer        *r,
         const TextStyle *style,
         const char      *text,
         gsize            length)
{
  HPDF_Font font = get_font (r, style->font);
  const char *end = text + length;
  gint64 total = 0;

  if (font == NULL || length == 0)
    return 0;

  if (r->widths[style->font] == NULL)
    r->widths[style->font] = widths_new ();

  for (const char *p = text; p < end;)
    {
      gunichar c = (guchar) *p;

      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
        }
      total += char_width (r, style->font, font, c);
    }

  return total * style->size / 1000.0f;
}

/* Styles */

static TextStyle
base_style (CfDocBlock *block)
{
  TextStyle s = { FONT_REGULAR, BODY_SIZE, 0.0f, FALSE };

  switch (block->kind)
    {
    case CF_DOC_BLOCK_TITLE:
      s.size = 17.0f;
      s.font = FONT_BOLD;
      break;
    case CF_DOC_BLOCK_SUBTITLE:
      s.size = 9.5f;
      s.gray = 0.3f;
      break;
    case CF_DOC_BLOCK_HEADING:
      s.size = heading_size[MIN (block->level, MAX_LEVEL)];
      s.font = FONT_BOLD;
      break;
    case CF_DOC_BLOCK_TABLE:
      s.size = TABLE_SIZE;
      break;
    case CF_DOC_BLOCK_IMAGE:
      /* The caption. */
      s.size = 8.5f;
      s.font = FONT_ITALIC;
      s.gray = 0.3f;
      break;
    case CF_DOC_BLOCK_PARAGRAPH:
    case CF_DOC_BLOCK_NOTICE:
    case CF_DOC_BLOCK_KEY_VALUE:
    case CF_DOC_BLOCK_SIGNATURE:
    case CF_DOC_BLOCK_LIST:
    case CF_DOC_BLOCK_TOC:
    default:
      break;
    }

  return s;
}

static TextStyle
run_style (const TextStyle *base,
           CfDocStyle       style)
{
  TextStyle s = *base;

  switch (style)
    {
    case CF_DOC_STYLE_BOLD:
      s.font = FONT_BOLD;
      break;
    case CF_DOC_STYLE_ITALIC:
      s.font = FONT_ITALIC;
      break;
    case CF_DOC_STYLE_PLACEHOLDER:
      /* Missing values must be impossible to miss on paper too. */
      s.font = FONT_ITALIC;
      s.red = TRUE;
      break;
    case CF_DOC_STYLE_QUOTE:
      s.font = FONT_ITALIC;
      s.size -= 1.0f;
      s.gray = 0.3f;
      break;
    case CF_DOC_STYLE_CODE:
      /* DejaVu Sans Mono looks larger than DejaVu Sans at one size. */
      s.font = FONT_MONO;
      s.size -= 0.5f;
      break;
    case CF_DOC_STYLE_NORMAL:
    default:
      break;
    }

  return s;
}

static TextStyle
key_style (void)
{
  TextStyle s = { FONT_BOLD, 8.5f, 0.3f, FALSE };

  return s;
}

static TextStyle
small_style (void)
{
  TextStyle s = { FONT_REGULAR, 7.5f, 0.35f, FALSE };

  return s;
}

/* Line breaking */

static void
fragment_free (gpointer data)
{
  Fragment *f = data;

  g_string_free (f->text, TRUE);
  g_free (f);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_ptr_array_unref (line->fragments);
  g_free (line);
}

static Line *
line_new (Renderer *r)
{
  Line *line = g_new0 (Line, 1);

  line->fragments = g_ptr_array_new_with_free_func (fragment_free);
  g_ptr_array_add (r->lines, line);

  return line;
}

static void
line_note_style (Line            *line,
                 const TextStyle *style)
{
  line->size = MAX (line->size, style->size);
  line->height = MAX (line->height, style->size * LINE_FACTOR);
}

static void
line_append (Line            *line,
             const TextStyle *style,
             const char      *text,
             gsize            length,
             float            width)
{
  Fragment *last = line->fragments->len > 0
                   ? g_ptr_array_index (line->fragments, line->fragments->len - 1)
                   : NULL;

  line_note_style (line, style);

  /* Consecutive words in one style become one fragment: fewer operators, and
   * a reader copying the text gets real spaces between the words. */
  if (last == NULL || memcmp (&last->style, style, sizeof *style) != 0)
    {
      last = g_new0 (Fragment, 1);
      last->style = *style;
      last->text = g_string_new (NULL);
      g_ptr_array_add (line->fragments, last);
    }

  g_string_append_len (last->text, text, length);
  last->width += width;
  line->width += width;
}

typedef struct
{
  Renderer  *r;
  float      width;
  GPtrArray *lines;       /* of Line, owned by the renderer */
  Line      *current;
  gboolean   pending_space;
} Breaker;

static void
breaker_newline (Breaker *b)
{
  b->current = line_new (b->r);
  g_ptr_array_add (b->lines, b->current);
  b->pending_space = FALSE;
}

static void
breaker_init (Breaker  *b,
              Renderer *r,
              float     width)
{
  b->r = r;
  b->width = width;
  b->lines = g_ptr_array_new ();
  breaker_newline (b);
}

/* Places one word, wrapping before it when it does not fit, and cutting it
 * into pieces when it is wider than a whole line (hashes, long URLs). */
static void
breaker_add_word (Breaker         *b,
                  const TextStyle *style,
                  const char      *word,
                  gsize            length)
{
  gboolean space = b->pending_space && b->current->fragments->len > 0;
  float space_width = space ? measure (b->r, style, " ", 1) : 0;
  float width = measure (b->r, style, word, length);

  b->pending_space = FALSE;

  if (b->current->fragments->len > 0 && b->current->width + space_width + width > b->width)
    {
      breaker_newline (b);
      space = FALSE;
    }
  if (space)
    line_append (b->current, style, " ", 1, space_width);

  while (b->current->width + width > b->width && length > 0)
    {
      const char *fit = word;
      float taken = 0;

      /* Take characters while they fit, but always at least one. */
      while (fit < word + length)
        {
          const char *next = g_utf8_next_char (fit);
          float w = measure (b->r, style, fit, next - fit);

          if (fit > word && b->current->width + taken + w > b->width)
            break;
          taken += w;
          fit = next;
        }

      /* A compound that has to be cut is cut after its hyphen or slash
       * ("Software-|Stückliste", "https://example.com/|cvd"), where a reader
       * expects it, rather than wherever the line ends. */
      if (fit < word + length)
        {
          for (const char *p = fit - 1; p > word; p--)
            if (*p == '-' || *p == '/')
              {
                fit = p + 1;
                taken = measure (b->r, style, word, fit - word);
                break;
              }
        }

      line_append (b->current, style, word, fit - word, taken);
      length -= fit - word;
      word = fit;
      width = MAX (width - taken, 0);
      if (length > 0)
        breaker_newline (b);
    }

  if (length > 0)
    line_append (b->current, style, word, length, width);
}

static gboolean
needs_cleaning (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p >= 0xF0)
      return TRUE;

  return !g_utf8_validate (text, -1, NULL);
}

/* libharu 2.3 encodes only the Basic Multilingual Plane and drops anything
 * beyond it (emoji, historic scripts) without a trace; a document must not
 * lose text silently, so such characters show as "�". Control characters
 * become spaces. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else if (c < 0x20 && c != '\n' && c != '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static char *
dup_clean (const char *text)
{
  if (text == NULL)
    return NULL;

  return needs_cleaning (text) ? clean_text (text) : g_strdup (text);
}

/* Feeds text in one style to the breaker: a newline starts a new line,
 * spaces and tabs separate words. */
static void
breaker_feed (Breaker         *b,
              const TextStyle *style,
              const char      *text)
{
  g_autofree char *cleaned = needs_cleaning (text) ? clean_text (text) : NULL;

  if (cleaned != NULL)
    text = cleaned;

  line_note_style (b->current, style);

  for (const char *p = text; *p != '\0';)
    {
      const char *start = p;

      if (*p == '\n')
        {
          breaker_newline (b);
          line_note_style (b->current, style);
          p++;
          continue;
        }
      if (*p == ' ' || *p == '\t')
        {
          b->pending_space = TRUE;
          p++;
          continue;
        }

      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
        p++;
      breaker_add_word (b, style, start, p - start);
    }
}

/* Breaks styled runs into lines no wider than @width, after @prefix (a
 * heading's number) in the base style. Runs join without a space unless
 * their text has one. The lines belong to the renderer; the array does not
 * own them. */
static GPtrArray *
break_runs (Renderer        *r,
            GPtrArray       *runs,
            const TextStyle *base,
            float            width,
            const char      *prefix)
{
  Breaker b;

  breaker_init (&b, r, width);

  /* A block with no text still occupies one line of its style. */
  line_note_style (b.current, base);

  if (prefix != NULL)
    {
      breaker_feed (&b, base, prefix);
      b.pending_space = TRUE;
    }

  for (guint i = 0; i < runs->len && !failed (r); i++)
    {
      CfDocRun *run = g_ptr_array_index (runs, i);
      TextStyle style = run_style (base, run->style);

      breaker_feed (&b, &style, run->text);
    }

  return b.lines;
}

static GPtrArray *
break_text (Renderer        *r,
            const TextStyle *style,
            const char      *text,
            float            width)
{
  Breaker b;

  breaker_init (&b, r, width);
  breaker_feed (&b, style, text);

  return b.lines;
}

static float
lines_height (GPtrArray *lines)
{
  float height = 0;

  for (guint i = 0; i < lines->len; i++)
    height += ((Line *) g_ptr_array_index (lines, i))->height;

  return height;
}

/* One line of @text, cut with an ellipsis where it grows wider than
 * @width: running heads and footers have one line only. */
static Line *
single_line (Renderer        *r,
             const TextStyle *style,
             const char      *text,
             float            width)
{
  g_autofree char *flat = g_strdelimit (dup_clean (text), "\n\t", ' ');
  Line *line = line_new (r);
  float ellipsis = measure (r, style, "…", strlen ("…"));
  float total = measure (r, style, flat, strlen (flat));
  const char *end = flat + strlen (flat);

  line_note_style (line, style);

  if (total <= width)
    {
      line_append (line, style, flat, end - flat, total);
      return line;
    }

  /* Drop characters from the end until the rest and the ellipsis fit. */
  while (end > flat && total + ellipsis > width)
    {
      const char *prev = g_utf8_prev_char (end);

      total -= measure (r, style, prev, end - prev);
      end = prev;
    }
  line_append (line, style, flat, end - flat, total);
  line_append (line, style, "…", strlen ("…"), ellipsis);

  return line;
}

/* Layout: pages of operations */

static Page *
last_page (Renderer *r)
{
  return g_ptr_array_index (r->pages, r->pages->len - 1);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
heading_free (gpointer data)
{
  Heading *h = data;

  g_free (h->title);
  g_free (h);
}

static Op *
add_op (Renderer *r,
        OpKind    kind,
        float     x,
        float     y,
        float     w,
        float     h,
        gpointer  data)
{
  GArray *ops = last_page (r)->ops;
  Op op = { kind, BOX_NOTICE, x, y, w, h, 0.0f, data };

  g_array_append_val (ops, op);

  return &g_array_index (ops, Op, ops->len - 1);
}

static void
add_line (Renderer *r,
          Line     *line,
          float     x,
          float     top)
{
  add_op (r, OP_TEXT, x, top, line->width, line->height, line);
}

static void
add_rule (Renderer *r,
          float     x1,
          float     x2,
          float     y,
          float     gray,
          float     width)
{
  add_op (r, OP_RULE, x1, y, x2 - x1, width, NULL)->gray = gray;
}

static void
add_box (Renderer *r,
         BoxStyle  style,
         float     x,
         float     y,
         float     w,
         float     h)
{
  add_op (r, OP_BOX, x, y, w, h, NULL)->style = style;
}

static void
new_page (Renderer *r)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_ptr_array_add (r->pages, page);
  r->y = CONTENT_TOP;
}

/* Starts a new page. Headings waiting at the bottom of the page just left
 * come along, so a heading never ends a page. */
static void
break_page (Renderer *r)
{
  float y = r->y;
  Page *from, *to;
  float delta;

  new_page (r);

  if (!r->keep.set || r->keep.page + 2 != r->pages->len || r->keep.op == 0)
    return;

  from = g_ptr_array_index (r->pages, r->pages->len - 2);
  to = last_page (r);
  delta = CONTENT_TOP - r->keep.y;

  for (guint i = r->keep.op; i < from->ops->len; i++)
    {
      Op op = g_array_index (from->ops, Op, i);

      op.y += delta;
      g_array_append_val (to->ops, op);
    }
  g_array_set_size (from->ops, r->keep.op);

  r->y = y + delta;
  r->keep.page = r->pages->len - 1;
  r->keep.op = 0;
  r->keep.y = CONTENT_TOP;
}

/* Makes sure @height fits below the cursor; starts a new page if not. The
 * first call of a block after a heading decides where that heading goes. */
static void
ensure_space (Renderer *r,
              float     height)
{
  if (r->pages->len == 0 || (r->y - height < MARGIN_BOTTOM && r->y < CONTENT_TOP))
    break_page (r);

  if (!r->in_heading)
    r->keep.set = FALSE;
}

/* Places lines from the cursor down, breaking pages between lines. */
static void
flow_lines (Renderer  *r,
            GPtrArray *lines,
            float      x,
            gboolean   centred)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      ensure_space (r, line->height);
      add_line (r, line, centred ? MARGIN_LEFT + (TEXT_WIDTH - line->width) / 2 : x, r->y);
      r->y -= line->height;
    }
}

static void
place_lines (Renderer  *r,
             GPtrArray *lines,
             float      x,
             float      top)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      add_line (r, line, x, top);
      top -= line->height;
    }
}

/* Blocks */

static void
layout_text_block (Renderer   *r,
                   CfDocBlock *block)
{
  TextStyle base = base_style (block);
  g_autoptr(GPtrArray) lines = NULL;
  float before = 0, after = 6;
  Heading *heading = NULL;

  switch (block->kind)
    {
    case CF_DOC_BLOCK_TITLE:
      after = 4;
      break;
    case CF_DOC_BLOCK_SUBTITLE:
      after = 2;
      break;
    case CF_DOC_BLOCK_HEADING:
      before = heading_before[MIN (block->level, MAX_LEVEL)];
      after = heading_after[MIN (block->level, MAX_LEVEL)];
      heading = g_ptr_array_index (r->headings, r->next_heading++);
      break;
    default:
      break;
    }

  lines = break_runs (r, block->runs, &base, TEXT_WIDTH, block->number);
  if (failed (r))
    return;

  if (r->pages->len > 0 && r->y < CONTENT_TOP)
    r->y -= before;

  if (heading != NULL)
    {
      /* A heading never ends a page: it wants two lines of what follows
       * below it, and stays with the first lines of the next block even
       * when that block decides to move on. */
      r->in_heading = TRUE;
      ensure_space (r, lines_height (lines) + 2 * BODY_LINE);
      if (!r->keep.set)
        {
          r->keep.set = TRUE;
          r->keep.page = r->pages->len - 1;
          r->keep.op = last_page (r)->ops->len;
          r->keep.y = r->y;
        }
      add_op (r, OP_ANCHOR, MARGIN_LEFT, r->y, 0, 0, heading);
      flow_lines (r, lines, MARGIN_LEFT, FALSE);
      r->in_heading = FALSE;
    }
  else
    {
      ensure_space (r, MIN (lines_height (lines), 3 * BODY_LINE));
      flow_lines (r, lines, MARGIN_LEFT,
                  block->kind == CF_DOC_BLOCK_TITLE || block->kind == CF_DOC_BLOCK_SUBTITLE);
    }

  r->y -= after;
}

static void
layout_notice (Renderer   *r,
               CfDocBlock *block)
{
  TextStyle base = base_style (block);
  g_autoptr(GPtrArray) lines = NULL;
  float height, top;

  lines = break_runs (r, block->runs, &base, TEXT_WIDTH - 2 * NOTICE_PADDING, NULL);
  if (failed (r))
    return;

  height = lines_height (lines) + 2 * NOTICE_PADDING;
  r->y -= 4;
  ensure_space (r, height);
  top = r->y;

  add_box (r, BOX_NOTICE, MARGIN_LEFT, top - height, TEXT_WIDTH, height);
  place_lines (r, lines, MARGIN_LEFT + NOTICE_PADDING, top - NOTICE_PADDING);
  r->y = top - height - 10;
}

/* A key-value row, in two columns. */
typedef struct
{
  GPtrArray *key;
  GPtrArray *value;
  float      height;
} RowLines;

static void
row_lines_clear (RowLines *row)
{
  g_clear_pointer (&row->key, g_ptr_array_unref);
  g_clear_pointer (&row->value, g_ptr_array_unref);
}

static void
break_row (Renderer        *r,
           CfDocRow        *row,
           const TextStyle *base,
           float            key_width,
           float            value_width,
           RowLines        *out)
{
  TextStyle key = key_style ();

  out->key = break_text (r, &key, row->key ? row->key : "", key_width);
  out->value = break_runs (r, row->runs, base, value_width, NULL);
  out->height = MAX (lines_height (out->key), lines_height (out->value)) + 2 * CELL_PADDING;
}

static void
layout_row (Renderer  *r,
            RowLines  *row,
            gboolean   rules,
            gboolean   first)
{
  float value_x = MARGIN_LEFT + KEY_COLUMN + COLUMN_GAP;
  guint n_pages = r->pages->len;

  /* A row moves to the next page whole, and takes the table's top rule
   * along; only a row taller than a page is split, and then its value
   * flows on alone. */
  ensure_space (r, row->height);
  if (rules && (first || r->pages->len != n_pages))
    add_rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, r->y, 0.82f, 0.5f);

  if (r->y - row->height >= MARGIN_BOTTOM)
    {
      float top = r->y - CELL_PADDING;

      /* Nudge the smaller key type onto the value's baseline. */
      place_lines (r, row->key, MARGIN_LEFT, top - 1.2f);
      place_lines (r, row->value, value_x, top);
      r->y -= row->height;
    }
  else
    {
      r->y -= CELL_PADDING;
      flow_lines (r, row->key, MARGIN_LEFT, FALSE);
      flow_lines (r, row->value, value_x, FALSE);
      r->y -= CELL_PADDING;
    }

  if (rules)
    add_rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, r->y, 0.82f, 0.5f);
}

static void
layout_key_value (Renderer   *r,
                  CfDocBlock *block)
{
  TextStyle base = base_style (block);

  if (block->rows->len == 0)
    return;

  for (guint i = 0; i < block->rows->len && !failed (r); i++)
    {
      RowLines row = { NULL, NULL, 0 };

      break_row (r, g_ptr_array_index (block->rows, i), &base, KEY_COLUMN,
                 TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP, &row);
      layout_row (r, &row, TRUE, i == 0);
      row_lines_clear (&row);
    }

  r->y -= 6;
}

/* The signature block stays on one page: a signature separated from what it
 * signs is worthless. Its last row with a key but no value is the line to
 * sign on, captioned with the key. */
static void
layout_signature (Renderer   *r,
                  CfDocBlock *block)
{
  TextStyle base = base_style (block);
  TextStyle caption = key_style ();
  g_autofree RowLines *rows = NULL;
  float height = 0;
  CfDocRow *sign_row = NULL;
  guint n_rows = block->rows->len;

  if (n_rows > 0)
    {
      CfDocRow *last = g_ptr_array_index (block->rows, n_rows - 1);

      if (last->runs->len == 0)
        {
          sign_row = last;
          n_rows--;
        }
    }

  rows = g_new0 (RowLines, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      break_row (r, g_ptr_array_index (block->rows, i), &base, KEY_COLUMN,
                 TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP, &rows[i]);
      height += rows[i].height;
    }
  if (sign_row != NULL)
    height += 56;

  r->y -= 6;
  ensure_space (r, height);

  for (guint i = 0; i < n_rows; i++)
    {
      if (!failed (r))
        layout_row (r, &rows[i], FALSE, FALSE);
      row_lines_clear (&rows[i]);
    }

  if (sign_row != NULL && !failed (r))
    {
      g_autoptr(GPtrArray) lines = break_text (r, &caption, sign_row->key ? sign_row->key : "",
                                               TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP);
      float x = MARGIN_LEFT + KEY_COLUMN + COLUMN_GAP;

      r->y -= 40;
      add_rule (r, x, x + 220, r->y, 0.0f, 0.7f);
      r->y -= 3;
      place_lines (r, lines, x, r->y);
      r->y -= lines_height (lines);
    }
}

/* Items hang from their bullet or number: wrapped lines start under the
 * item's first word, not under the bullet. */
static void
layout_list (Renderer   *r,
             CfDocBlock *block)
{
  TextStyle base = base_style (block);
  float gutter;
  float text_x;

  if (block->rows->len == 0)
    return;

  if (block->numbered)
    {
      g_autofree char *widest = g_strdup_printf ("%u.", block->rows->len);

      gutter = measure (r, &base, widest, strlen (widest)) + 6;
    }
  else
    gutter = measure (r, &base, "•", strlen ("•")) + 7;
  gutter = MAX (gutter, 14);
  text_x = MARGIN_LEFT + LIST_INDENT + gutter;

  r->y -= 2;
  for (guint i = 0; i < block->rows->len && !failed (r); i++)
    {
      CfDocRow *item = g_ptr_array_index (block->rows, i);
      g_autoptr(GPtrArray) lines = break_runs (r, item->runs, &base,
                                               MARGIN_LEFT + TEXT_WIDTH - text_x, NULL);
      g_autofree char *label = block->numbered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      Line *label_line = single_line (r, &base, label, gutter);

      /* An item starts a page with at least two of its lines. */
      ensure_space (r, MIN (lines_height (lines), 2 * BODY_LINE));
      for (guint j = 0; j < lines->len; j++)
        {
          Line *line = g_ptr_array_index (lines, j);

          ensure_space (r, line->height);
          if (j == 0)
            /* Numbers align on their full stops, bullets sit at the indent. */
            add_line (r, label_line,
                      block->numbered ? text_x - 6 - label_line->width : MARGIN_LEFT + LIST_INDENT,
                      r->y);
          add_line (r, line, text_x, r->y);
          r->y -= line->height;
        }
      r->y -= 2;
    }
  r->y -= 6;
}

/* Tables */

typedef struct
{
  GPtrArray **cells;      /* n_columns arrays of Line */
  guint      *first;      /* per cell, the first line not placed yet */
  float       height;
} TableRow;

static void
table_row_clear (TableRow *row,
                 guint     n_columns)
{
  for (guint i = 0; i < n_columns && row->cells != NULL; i++)
    g_clear_pointer (&row->cells[i], g_ptr_array_unref);
  g_clear_pointer (&row->cells, g_free);
  g_clear_pointer (&row->first, g_free);
}

static void
break_table_row (Renderer        *r,
                 GPtrArray       *cells,
                 guint            first,
                 guint            n_columns,
                 const float     *edges,
                 const TextStyle *base,
                 TableRow        *out)
{
  out->cells = g_new0 (GPtrArray *, n_columns);
  out->first = g_new0 (guint, n_columns);
  out->height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      float width = edges[i + 1] - edges[i] - 2 * TABLE_PADDING;

      if (first + i < cells->len)
        out->cells[i] = break_runs (r, ((CfDocRow *) g_ptr_array_index (cells, first + i))->runs,
                                    base, width, NULL);
      else
        out->cells[i] = break_text (r, base, "", width);
      out->height = MAX (out->height, lines_height (out->cells[i]));
    }
  out->height += 2 * TABLE_PADDING;
}

/* Places what is left of @row from the cursor down, as far as @room
 * allows, and says whether anything is left for the next page. */
static gboolean
place_table_row (Renderer    *r,
                 TableRow    *row,
                 guint        n_columns,
                 const float *edges,
                 gboolean     shaded,
                 float        room)
{
  float top = r->y;
  float used = 0;
  gboolean rest = FALSE;

  if (shaded)
    add_box (r, BOX_SHADE, edges[0], top - row->height, edges[n_columns] - edges[0], row->height);

  for (guint i = 0; i < n_columns; i++)
    {
      float y = top - TABLE_PADDING;
      guint j = row->first[i];

      for (; j < row->cells[i]->len; j++)
        {
          Line *line = g_ptr_array_index (row->cells[i], j);

          /* Always one line at least, so a huge row still makes progress. */
          if (top - y + line->height + TABLE_PADDING > room && j > row->first[i])
            break;
          add_line (r, line, edges[i] + TABLE_PADDING, y);
          y -= line->height;
        }
      row->first[i] = j;
      used = MAX (used, top - y);
      if (j < row->cells[i]->len)
        rest = TRUE;
    }

  r->y = top - (rest ? used + TABLE_PADDING : row->height);
  return rest;
}

static void
table_header (Renderer    *r,
              TableRow    *header,
              guint        n_columns,
              const float *edges)
{
  add_rule (r, edges[0], edges[n_columns], r->y, 0.45f, 0.6f);
  if (header == NULL)
    return;

  for (guint i = 0; i < n_columns; i++)
    header->first[i] = 0;
  place_table_row (r, header, n_columns, edges, TRUE, G_MAXFLOAT);
  add_rule (r, edges[0], edges[n_columns], r->y, 0.45f, 0.6f);
}

/* Rows never split across pages unless one alone is taller than a page;
 * each page the table runs on starts with its header row again. */
static void
layout_table (Renderer   *r,
              CfDocBlock *block)
{
  TextStyle base = base_style (block);
  TextStyle head = { FONT_BOLD, TABLE_SIZE, 0.15f, FALSE };
  guint n_columns = block->n_columns;
  guint n_rows = cf_doc_table_get_n_rows (block);
  g_autofree float *edges = g_new (float, n_columns + 1);
  TableRow header = { NULL, NULL, 0 };
  TableRow *header_row = NULL;

  edges[0] = MARGIN_LEFT;
  for (guint i = 0; i < n_columns; i++)
    edges[i + 1] = edges[i] + (float) block->widths[i] * TEXT_WIDTH;
  edges[n_columns] = MARGIN_LEFT + TEXT_WIDTH;

  if (block->header->len > 0)
    {
      header_row = &header;
      break_table_row (r, block->header, 0, n_columns, edges, &head, header_row);
    }

  r->y -= 4;
  if (n_rows == 0 && header_row != NULL)
    {
      ensure_space (r, header_row->height);
      table_header (r, header_row, n_columns, edges);
    }

  for (guint i = 0; i < n_rows && !failed (r); i++)
    {
      TableRow row = { NULL, NULL, 0 };
      float header_height = header_row != NULL ? header_row->height : 0;
      gboolean rest;

      break_table_row (r, block->rows, i * n_columns, n_columns, edges, &base, &row);

      if (i == 0)
        {
          ensure_space (r, header_height + row.height);
          table_header (r, header_row, n_columns, edges);
        }
      else if (r->y - row.height < MARGIN_BOTTOM)
        {
          break_page (r);
          table_header (r, header_row, n_columns, edges);
        }

      /* A row taller than a whole page is split by lines. */
      do
        {
          rest = place_table_row (r, &row, n_columns, edges, FALSE, r->y - MARGIN_BOTTOM);
          if (rest)
            {
              add_rule (r, edges[0], edges[n_columns], r->y, 0.45f, 0.6f);
              break_page (r);
              table_header (r, header_row, n_columns, edges);
            }
        }
      while (rest && !failed (r));

      add_rule (r, edges[0], edges[n_columns], r->y,
                i + 1 == n_rows ? 0.45f : 0.82f, i + 1 == n_rows ? 0.6f : 0.4f);
      table_row_clear (&row, n_columns);
    }

  table_row_clear (&header, n_columns);
  r->y -= 10;
}

/* Images */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

/* Decodes the PNG and flattens it onto white paper: PDF/A-1 forbids the
 * soft masks libharu would make of an alpha channel, and a page is white
 * anyway. */
static HPDF_Image
load_image (Renderer *r,
            GBytes   *png)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *source = NULL;
  cairo_surface_t *flat = NULL;
  g_autofree guint8 *rgb = NULL;
  HPDF_Image image = NULL;
  int width, height, stride;
  cairo_t *cr;

  reader.data = g_bytes_get_data (png, &reader.size);
  source = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (source) != CAIRO_STATUS_SUCCESS)
    {
      r->error = g_error_new (CF_ERROR, CF_ERROR_PDF,
                              _("A picture in the document could not be read as PNG: %s."),
                              cairo_status_to_string (cairo_surface_status (source)));
      cairo_surface_destroy (source);
      return NULL;
    }

  width = cairo_image_surface_get_width (source);
  height = cairo_image_surface_get_height (source);
  flat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (flat);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, source, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (flat);

  if (cairo_surface_status (flat) == CAIRO_STATUS_SUCCESS)
    {
      const guint8 *pixels = cairo_image_surface_get_data (flat);

      stride = cairo_image_surface_get_stride (flat);
      rgb = g_malloc ((gsize) width * height * 3);
      for (int y = 0; y < height; y++)
        {
          const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
          guint8 *out = rgb + (gsize) y * width * 3;

          for (int x = 0; x < width; x++)
            {
              *out++ = (row[x] >> 16) & 0xff;
              *out++ = (row[x] >> 8) & 0xff;
              *out++ = row[x] & 0xff;
            }
        }
      image = HPDF_LoadRawImageFromMem (r->pdf, rgb, width, height, HPDF_CS_DEVICE_RGB, 8);
    }
  else
    r->error = g_error_new (CF_ERROR, CF_ERROR_PDF,
                            _("A picture in the document is too large to embed (%d × %d pixels)."),
                            width, height);

  cairo_surface_destroy (flat);
  cairo_surface_destroy (source);

  return image;
}

/* A picture is as wide as the text, at most 60 % of the page high, and
 * never larger than its pixels at 144 dpi; it moves to the next page whole,
 * with its caption. */
static void
layout_image (Renderer   *r,
              CfDocBlock *block)
{
  TextStyle caption = base_style (block);
  g_autoptr(GPtrArray) lines = NULL;
  HPDF_Image image = load_image (r, block->png);
  float natural_width, natural_height, scale, width, height, total;

  if (image == NULL || failed (r))
    return;

  natural_width = HPDF_Image_GetWidth (image) * 72.0f / IMAGE_DPI;
  natural_height = HPDF_Image_GetHeight (image) * 72.0f / IMAGE_DPI;
  scale = MIN (1.0f, MIN (TEXT_WIDTH / natural_width, IMAGE_MAX_HEIGHT / natural_height));
  width = natural_width * scale;
  height = natural_height * scale;

  if (block->runs->len > 0)
    lines = break_runs (r, block->runs, &caption, TEXT_WIDTH * 0.9f, NULL);
  total = 6 + height + (lines != NULL ? 5 + lines_height (lines) : 0);

  ensure_space (r, total);
  r->y -= 6;
  add_op (r, OP_IMAGE, MARGIN_LEFT + (TEXT_WIDTH - width) / 2, r->y - height, width, height, image);
  r->y -= height;
  if (lines != NULL)
    {
      r->y -= 5;
      flow_lines (r, lines, MARGIN_LEFT, TRUE);
    }
  r->y -= 10;
}

/* The table of contents */

static void
layout_toc (Renderer   *r,
            CfDocBlock *block)
{
  TextStyle title_style = { FONT_BOLD, heading_size[1], 0.0f, FALSE };
  g_autoptr(GPtrArray) title = NULL;

  if (block->runs->len > 0)
    title = break_runs (r, block->runs, &title_style, TEXT_WIDTH, NULL);
  else
    title = break_text (r, &title_style, _("Contents"), TEXT_WIDTH);

  if (r->pages->len > 0 && r->y < CONTENT_TOP)
    r->y -= heading_before[1];
  ensure_space (r, lines_height (title) + 2 * BODY_LINE);
  flow_lines (r, title, MARGIN_LEFT, FALSE);
  r->y -= 8;

  for (guint i = 0; i < r->headings->len && !failed (r); i++)
    {
      Heading *h = g_ptr_array_index (r->headings, i);
      TextStyle style = { h->level == 1 ? FONT_BOLD : FONT_REGULAR, BODY_SIZE, 0.0f, FALSE };
      float indent = (h->level - 1) * TOC_INDENT;
      g_autoptr(GPtrArray) lines = NULL;
      Line *last;
      float top;

      if (h->level > 2)
        continue;

      /* Room for the page number is reserved whatever the number, so the
       * contents are as long as they will be before pages are known. */
      lines = break_text (r, &style, h->title, TEXT_WIDTH - indent - TOC_NUMBER_ROOM);
      if (r->y < CONTENT_TOP)
        r->y -= h->level == 1 ? 5 : 1;
      ensure_space (r, lines_height (lines));
      top = r->y;
      place_lines (r, lines, MARGIN_LEFT + indent, top);
      r->y -= lines_height (lines);

      last = g_ptr_array_index (lines, lines->len - 1);
      add_op (r, OP_TOC_NUMBER, MARGIN_LEFT + indent + last->width, r->y + last->height,
              0, last->size, h);
      add_op (r, OP_LINK, MARGIN_LEFT + indent, r->y, TEXT_WIDTH - indent, top - r->y, h);
    }
}

/* The title page */

static void
layout_title_row (Renderer *r,
                  CfDocRow *row,
                  float     x,
                  float     width)
{
  TextStyle base = { FONT_REGULAR, BODY_SIZE, 0.0f, FALSE };
  RowLines lines = { NULL, NULL, 0 };
  float key_width = width * 0.36f;

  break_row (r, row, &base, key_width, width - key_width - COLUMN_GAP, &lines);
  place_lines (r, lines.key, x, r->y - CELL_PADDING - 1.2f);
  place_lines (r, lines.value, x + key_width + COLUMN_GAP, r->y - CELL_PADDING);
  r->y -= lines.height;
  add_rule (r, x, x + width, r->y, 0.82f, 0.5f);
  row_lines_clear (&lines);
}

/* Lays out page 1 from the title and subtitle blocks that open the
 * document and the title page's rows, and returns the first block that
 * is not on it. */
static guint
layout_title_page (Renderer *r)
{
  TextStyle title = { FONT_BOLD, 24.0f, 0.0f, FALSE };
  TextStyle subtitle = { FONT_REGULAR, 12.0f, 0.3f, FALSE };
  GPtrArray *rows = cf_doc_model_get_title_page_rows (r->model);
  guint n = cf_doc_model_get_n_blocks (r->model);
  float table_width = TEXT_WIDTH * 0.8f;
  float table_x = MARGIN_LEFT + (TEXT_WIDTH - table_width) / 2;
  guint i = 0;

  new_page (r);
  last_page (r)->title_page = TRUE;

  r->y = PAGE_HEIGHT * 0.72f;
  add_rule (r, MARGIN_LEFT + TEXT_WIDTH / 2 - 24, MARGIN_LEFT + TEXT_WIDTH / 2 + 24, r->y + 18,
            0.2f, 2.0f);

  if (n == 0 || cf_doc_model_get_block (r->model, 0)->kind != CF_DOC_BLOCK_TITLE)
    {
      g_autoptr(GPtrArray) lines = break_text (r, &title, cf_doc_model_get_title (r->model),
                                               TEXT_WIDTH * 0.85f);

      flow_lines (r, lines, MARGIN_LEFT, TRUE);
      r->y -= 10;
    }

  for (; i < n && !failed (r); i++)
    {
      CfDocBlock *block = cf_doc_model_get_block (r->model, i);
      g_autoptr(GPtrArray) lines = NULL;

      if (block->kind == CF_DOC_BLOCK_TITLE)
        {
          lines = break_runs (r, block->runs, &title, TEXT_WIDTH * 0.85f, NULL);
          flow_lines (r, lines, MARGIN_LEFT, TRUE);
          r->y -= 10;
        }
      else if (block->kind == CF_DOC_BLOCK_SUBTITLE)
        {
          lines = break_runs (r, block->runs, &subtitle, TEXT_WIDTH * 0.85f, NULL);
          flow_lines (r, lines, MARGIN_LEFT, TRUE);
          r->y -= 4;
        }
      else
        break;
    }

  if (rows->len > 0)
    {
      r->y = MIN (r->y - 56, PAGE_HEIGHT * 0.42f);
      add_rule (r, table_x, table_x + table_width, r->y, 0.45f, 0.6f);
      for (guint j = 0; j < rows->len && !failed (r); j++)
        layout_title_row (r, g_ptr_array_index (rows, j), table_x, table_width);
    }

  if (i < n)
    new_page (r);

  return i;
}

static void
collect_headings (Renderer *r)
{
  guint n = cf_doc_model_get_n_blocks (r->model);

  for (guint i = 0; i < n; i++)
    {
      CfDocBlock *block = cf_doc_model_get_block (r->model, i);
      g_autofree char *text = NULL;
      Heading *h;

      if (block->kind != CF_DOC_BLOCK_HEADING)
        continue;

      text = cf_doc_block_dup_text (block);

      h = g_new0 (Heading, 1);
      h->block = block;
      h->level = CLAMP (block->level, 1, MAX_LEVEL);
      h->title = g_strdelimit (dup_clean (text), "\n\t", ' ');
      g_ptr_array_add (r->headings, h);
    }
}

static void
layout (Renderer *r)
{
  guint n = cf_doc_model_get_n_blocks (r->model);
  guint first = 0;

  collect_headings (r);

  if (cf_doc_model_get_title_page (r->model))
    first = layout_title_page (r);

  for (guint i = first; i < n && !failed (r); i++)
    {
      CfDocBlock *block = cf_doc_model_get_block (r->model, i);

      if (g_cancellable_set_error_if_cancelled (r->cancellable, &r->error))
        break;

      switch (block->kind)
        {
        case CF_DOC_BLOCK_KEY_VALUE:
          layout_key_value (r, block);
          break;
        case CF_DOC_BLOCK_SIGNATURE:
          layout_signature (r, block);
          break;
        case CF_DOC_BLOCK_NOTICE:
          layout_notice (r, block);
          break;
        case CF_DOC_BLOCK_LIST:
          layout_list (r, block);
          break;
        case CF_DOC_BLOCK_TABLE:
          layout_table (r, block);
          break;
        case CF_DOC_BLOCK_IMAGE:
          layout_image (r, block);
          break;
        case CF_DOC_BLOCK_TOC:
          layout_toc (r, block);
          /* The document proper starts on a page of its own. */
          if (i + 1 < n)
            break_page (r);
          break;
        case CF_DOC_BLOCK_TITLE:
        case CF_DOC_BLOCK_SUBTITLE:
        case CF_DOC_BLOCK_HEADING:
        case CF_DOC_BLOCK_PARAGRAPH:
        default:
          layout_text_block (r, block);
          break;
        }
    }

  if (r->pages->len == 0)
    new_page (r);

  /* Where each heading ended up, now that nothing moves any more. */
  for (guint p = 0; p < r->pages->len; p++)
    {
      GArray *ops = ((Page *) g_ptr_array_index (r->pages, p))->ops;

      for (guint i = 0; i < ops->len; i++)
        {
          Op *op = &g_array_index (ops, Op, i);

          if (op->kind == OP_ANCHOR)
            {
              ((Heading *) op->data)->page = p;
              ((Heading *) op->data)->y = op->y;
            }
        }
    }
}

/* Drawing */

static void
set_fill (HPDF_Page        page,
          const TextStyle *style)
{
  if (style->red)
    HPDF_Page_SetRGBFill (page, 0.75f, 0.08f, 0.08f);
  else
    HPDF_Page_SetGrayFill (page, style->gray);
}

static void
draw_text (Renderer        *r,
           const TextStyle *style,
           float            x,
           float            baseline,
           const char      *text)
{
  HPDF_Font font = get_font (r, style->font);

  if (font == NULL)
    return;

  HPDF_Page_BeginText (r->page);
  HPDF_Page_SetFontAndSize (r->page, font, style->size);
  set_fill (r->page, style);
  HPDF_Page_TextOut (r->page, x, baseline, text);
  HPDF_Page_EndText (r->page);
}

static void
draw_line (Renderer *r,
           Line     *line,
           float     x,
           float     top)
{
  float baseline = top - line->size * 1.02f;

  for (guint i = 0; i < line->fragments->len; i++)
    {
      Fragment *f = g_ptr_array_index (line->fragments, i);

      draw_text (r, &f->style, x, baseline, f->text->str);
      x += f->width;
    }
}

static void
draw_rule (Renderer *r,
           float     x1,
           float     x2,
           float     y,
           float     gray,
           float     width)
{
  HPDF_Page_SetGrayStroke (r->page, gray);
  HPDF_Page_SetLineWidth (r->page, width);
  HPDF_Page_MoveTo (r->page, x1, y);
  HPDF_Page_LineTo (r->page, x2, y);
  HPDF_Page_Stroke (r->page);
}

static void
draw_box (Renderer *r,
          Op       *op)
{
  if (op->style == BOX_NOTICE)
    {
      HPDF_Page_SetRGBFill (r->page, 1.0f, 0.95f, 0.93f);
      HPDF_Page_SetRGBStroke (r->page, 0.75f, 0.08f, 0.08f);
      HPDF_Page_SetLineWidth (r->page, 1.0f);
      HPDF_Page_Rectangle (r->page, op->x, op->y, op->w, op->h);
      HPDF_Page_FillStroke (r->page);
    }
  else
    {
      HPDF_Page_SetGrayFill (r->page, 0.93f);
      HPDF_Page_Rectangle (r->page, op->x, op->y, op->w, op->h);
      HPDF_Page_Fill (r->page);
    }
}

static void
draw_watermark (Renderer   *r,
                const char *text,
                float       width)
{
  TextStyle style = { FONT_BOLD, 96.0f, 0.0f, FALSE };
  HPDF_Font font = get_font (r, FONT_BOLD);

  if (font == NULL)
    return;

  /* Drawn first, so the page's text lies on top of it and stays legible. */
  HPDF_Page_BeginText (r->page);
  HPDF_Page_SetFontAndSize (r->page, font, style.size);
  HPDF_Page_SetRGBFill (r->page, 0.93f, 0.87f, 0.87f);
  HPDF_Page_SetTextMatrix (r->page, 0.7071f, 0.7071f, -0.7071f, 0.7071f,
                           PAGE_WIDTH / 2 - 0.7071f * width / 2 + 0.7071f * style.size / 3,
                           PAGE_HEIGHT / 2 - 0.7071f * width / 2 - 0.7071f * style.size / 3);
  HPDF_Page_ShowText (r->page, text);
  HPDF_Page_EndText (r->page);
}

static HPDF_Destination
heading_destination (Renderer *r,
                     Heading  *h)
{
  HPDF_Destination destination = HPDF_Page_CreateDestination (r->hpdf_pages[h->page]);

  HPDF_Destination_SetFitH (destination, h->y + 6);

  return destination;
}

/* Bookmarks nest by level, as the headings do. */
static void
draw_bookmark (Renderer     *r,
               Heading      *h,
               HPDF_Outline *parents)
{
  g_autoptr(GString) title = g_string_new (h->title);
  HPDF_Outline parent = NULL;
  HPDF_Outline entry;

  /* Bookmarks show one line: keep them short. */
  if (g_utf8_strlen (title->str, -1) > 90)
    {
      g_string_truncate (title, g_utf8_offset_to_pointer (title->str, 88) - title->str);
      g_string_append (title, "…");
    }

  for (int level = (int) h->level - 2; level >= 0 && parent == NULL; level--)
    parent = parents[level];

  entry = HPDF_CreateOutline (r->pdf, parent, title->str, HPDF_GetEncoder (r->pdf, "UTF-8"));
  if (entry == NULL)
    return;
  HPDF_Outline_SetDestination (entry, heading_destination (r, h));
  if (h->level == 1)
    HPDF_Outline_SetOpened (entry, HPDF_TRUE);

  parents[h->level - 1] = entry;
  for (guint level = h->level; level < MAX_LEVEL; level++)
    parents[level] = NULL;
}

/* Dot leaders on a grid, so they line up from entry to entry, then the
 * page number against the right margin. */
static void
draw_toc_number (Renderer *r,
                 Op       *op)
{
  TextStyle number_style = { FONT_REGULAR, op->h, 0.0f, FALSE };
  TextStyle leader_style = { FONT_REGULAR, op->h, 0.55f, FALSE };
  Heading *h = op->data;
  g_autofree char *number = g_strdup_printf ("%u", h->page + 1);
  float number_width = measure (r, &number_style, number, strlen (number));
  float number_x = MARGIN_LEFT + TEXT_WIDTH - number_width;
  float baseline = op->y - op->h * 1.02f;
  float pitch = measure (r, &leader_style, ". ", 2);
  float x = MARGIN_LEFT + ceilf ((op->x + 6 - MARGIN_LEFT) / pitch) * pitch;
  int n_dots = (int) ((number_x - 5 - x + measure (r, &leader_style, " ", 1)) / pitch);

  if (n_dots > 0)
    {
      g_autoptr(GString) leaders = g_string_new (NULL);

      for (int i = 0; i < n_dots; i++)
        g_string_append (leaders, i > 0 ? " ." : ".");
      draw_text (r, &leader_style, x, baseline, leaders->str);
    }
  draw_text (r, &number_style, number_x, baseline, number);
}

static void
draw_link (Renderer *r,
           Op       *op)
{
  HPDF_Rect rect = { op->x, op->y, op->x + op->w, op->y + op->h };
  HPDF_Annotation link = HPDF_Page_CreateLinkAnnot (r->page, rect,
                                                    heading_destination (r, op->data));

  if (link == NULL)
    return;

  HPDF_LinkAnnot_SetBorderStyle (link, 0, 0, 0);
  /* Printable, as PDF/A wants every annotation to be. */
  HPDF_Dict_AddNumber (link, "F", 4);
}

/* Running head, footer and page label. */
static void
decorate_page (Renderer *r,
               guint     index)
{
  TextStyle small = small_style ();
  Page *page = g_ptr_array_index (r->pages, index);
  const char *head = cf_doc_model_get_running_head (r->model);
  const char *left = cf_doc_model_get_running_head_left (r->model);
  const char *right = cf_doc_model_get_running_head_right (r->model);
  const char *footer = cf_doc_model_get_footer (r->model);
  g_autofree char *label = cf_pdf_format_page_label (cf_doc_model_get_page_label_format (r->model),
                                                     index + 1, r->pages->len);
  float label_width = measure (r, &small, label, strlen (label));

  if (left != NULL || right != NULL)
    {
      float right_width = right ? measure (r, &small, right, strlen (right)) : 0;

      head = left;
      if (right != NULL && !page->title_page)
        draw_line (r, single_line (r, &small, right, TEXT_WIDTH),
                   MARGIN_LEFT + TEXT_WIDTH - MIN (right_width, TEXT_WIDTH), PAGE_HEIGHT - 40);
      if (head != NULL && !page->title_page)
        draw_line (r, single_line (r, &small, head, TEXT_WIDTH - right_width - 12),
                   MARGIN_LEFT, PAGE_HEIGHT - 40);
      if (!page->title_page)
        draw_rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, PAGE_HEIGHT - 52, 0.75f, 0.5f);
    }
  else if (head != NULL && !page->title_page)
    {
      draw_line (r, single_line (r, &small, head, TEXT_WIDTH), MARGIN_LEFT, PAGE_HEIGHT - 40);
      draw_rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, PAGE_HEIGHT - 52, 0.75f, 0.5f);
    }

  draw_rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, 52, 0.75f, 0.5f);
  if (footer != NULL)
    draw_line (r, single_line (r, &small, footer, TEXT_WIDTH - label_width - 12), MARGIN_LEFT, 46);
  draw_text (r, &small, MARGIN_LEFT + TEXT_WIDTH - label_width, 46 - small.size * 1.02f, label);
}

static void
draw_pages (Renderer *r)
{
  TextStyle watermark_style = { FONT_BOLD, 96.0f, 0.0f, FALSE };
  g_autofree char *watermark = dup_clean (cf_doc_model_get_watermark (r->model));
  float watermark_width = 0;
  HPDF_Outline parents[MAX_LEVEL] = { NULL };

  if (watermark != NULL)
    watermark_width = measure (r, &watermark_style, watermark, strlen (watermark));

  /* All pages first: contents entries link forwards. */
  r->hpdf_pages = g_new0 (HPDF_Page, r->pages->len);
  for (guint i = 0; i < r->pages->len && !failed (r); i++)
    {
      r->hpdf_pages[i] = HPDF_AddPage (r->pdf);
      HPDF_Page_SetSize (r->hpdf_pages[i], HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    }

  for (guint i = 0; i < r->pages->len && !failed (r); i++)
    {
      GArray *ops = ((Page *) g_ptr_array_index (r->pages, i))->ops;

      if (g_cancellable_set_error_if_cancelled (r->cancellable, &r->error))
        return;

      r->page = r->hpdf_pages[i];
      if (watermark != NULL)
        draw_watermark (r, watermark, watermark_width);

      for (guint j = 0; j < ops->len; j++)
        {
          Op *op = &g_array_index (ops, Op, j);

          switch (op->kind)
            {
            case OP_TEXT:
              draw_line (r, op->data, op->x, op->y);
              break;
            case OP_RULE:
              draw_rule (r, op->x, op->x + op->w, op->y, op->gray, op->h);
              break;
            case OP_BOX:
              draw_box (r, op);
              break;
            case OP_IMAGE:
              HPDF_Page_DrawImage (r->page, op->data, op->x, op->y, op->w, op->h);
              break;
            case OP_ANCHOR:
              draw_bookmark (r, op->data, parents);
              break;
            case OP_TOC_NUMBER:
              draw_toc_number (r, op);
              break;
            case OP_LINK:
              draw_link (r, op);
              break;
            default:
              g_assert_not_reached ();
            }
        }

      decorate_page (r, i);
    }

  if (r->headings->len > 0)
    HPDF_SetPageMode (r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* Metadata */

static HPDF_Date
pdf_date (GDateTime *time)
{
  gint offset_minutes = (gint) (g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE);
  HPDF_Date date = { 0 };

  date.year = g_date_time_get_year (time);
  date.month = g_date_time_get_month (time);
  date.day = g_date_time_get_day_of_month (time);
  date.hour = g_date_time_get_hour (time);
  date.minutes = g_date_time_get_minute (time);
  date.seconds = g_date_time_get_second (time);
  date.ind = offset_minutes == 0 ? 'Z' : (offset_minutes > 0 ? '+' : '-');
  date.off_hour = ABS (offset_minutes) / 60;
  date.off_minutes = ABS (offset_minutes) % 60;

  return date;
}

static char *
dup_creator (void)
{
  return g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
}

static void
set_metadata (Renderer *r)
{
  g_autofree char *producer = dup_creator ();
  const char *language = cf_doc_model_get_language (r->model);

  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_TITLE, cf_doc_model_get_title (r->model));
  if (cf_doc_model_get_author (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_AUTHOR, cf_doc_model_get_author (r->model));
  if (cf_doc_model_get_subject (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_SUBJECT, cf_doc_model_get_subject (r->model));
  if (cf_doc_model_get_keywords (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_KEYWORDS, cf_doc_model_get_keywords (r->model));
  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_CREATOR, producer);
  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_PRODUCER, producer);
  HPDF_SetInfoDateAttr (r->pdf, HPDF_INFO_CREATION_DATE,
                        pdf_date (cf_doc_model_get_created (r->model)));

  /* libharu has no call for the catalog's /Lang, which lets screen readers
   * and hyphenating viewers pick the language; its document record is
   * public, so the entry is added directly. */
  if (language != NULL && *language != '\0')
    HPDF_Dict_Add (r->pdf->catalog, "Lang", HPDF_String_New (r->pdf->mmgr, language, NULL));
}

/* PDF/A-1b */

static void
icc_put32 (guint8  *p,
           guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

static void
icc_put_s15 (guint8 *p,
             double  value)
{
  icc_put32 (p, (guint32) (gint32) lround (value * 65536.0));
}

static void
icc_add_tag (GByteArray   *profile,
             guint         index,
             const char   *signature,
             const guint8 *data,
             gsize         size)
{
  static const guint8 zeros[3] = { 0 };
  guint32 offset = profile->len;

  g_byte_array_append (profile, data, size);
  g_byte_array_append (profile, zeros, (4 - size % 4) % 4);

  memcpy (profile->data + 132 + 12 * index, signature, 4);
  icc_put32 (profile->data + 132 + 12 * index + 4, offset);
  icc_put32 (profile->data + 132 + 12 * index + 8, size);
}

static void
icc_add_xyz (GByteArray *profile,
             guint       index,
             const char *signature,
             double      x,
             double      y,
             double      z)
{
  guint8 tag[20] = { 'X', 'Y', 'Z', ' ' };

  icc_put_s15 (tag + 8, x);
  icc_put_s15 (tag + 12, y);
  icc_put_s15 (tag + 16, z);
  icc_add_tag (profile, index, signature, tag, sizeof tag);
}

#define SRGB_NAME "sRGB IEC61966-2.1"

/* An ICC version 2 display profile for sRGB, written here from the
 * numbers of IEC 61966-2-1 (primaries adapted to the D50 connection
 * space with the Bradford transform, and the sRGB tone curve sampled at
 * 1024 points), so no third-party profile has to be shipped. PDF/A-1
 * needs version 2: it is based on PDF 1.4. */
static GBytes *
build_srgb_profile (void)
{
  static const char description[] = SRGB_NAME;
  static const char copyright[] = "No copyright, use freely";
  enum { N_TAGS = 9, N_POINTS = 1024 };
  g_autoptr(GByteArray) profile = g_byte_array_new ();
  guint8 header[128 + 4 + 12 * N_TAGS] = { 0 };
  guint8 desc[12 + sizeof description + 4 + 4 + 2 + 1 + 67] = { 'd', 'e', 's', 'c' };
  guint8 cprt[8 + sizeof copyright] = { 't', 'e', 'x', 't' };
  guint8 curve[12 + 2 * N_POINTS] = { 'c', 'u', 'r', 'v' };
  guint32 curve_offset;

  icc_put32 (header + 8, 0x02100000);              /* version 2.1 */
  memcpy (header + 12, "mntrRGB XYZ ", 12);        /* display, RGB data, XYZ connection */
  header[24] = 2026 >> 8;                          /* a fixed date keeps output reproducible */
  header[25] = 2026 & 0xff;
  header[27] = 1;
  header[29] = 1;
  memcpy (header + 36, "acsp", 4);
  icc_put_s15 (header + 68, 0.9642);               /* the D50 illuminant */
  icc_put_s15 (header + 72, 1.0);
  icc_put_s15 (header + 76, 0.8249);
  icc_put32 (header + 128, N_TAGS);
  g_byte_array_append (profile, header, sizeof header);

  icc_put32 (desc + 8, sizeof description);
  memcpy (desc + 12, description, sizeof description);
  icc_add_tag (profile, 0, "desc", desc, sizeof desc);

  memcpy (cprt + 8, copyright, sizeof copyright);
  icc_add_tag (profile, 1, "cprt", cprt, sizeof cprt);

  icc_add_xyz (profile, 2, "wtpt", 0.9642, 1.0, 0.8249);
  icc_add_xyz (profile, 3, "rXYZ", 0.4360747, 0.2225045, 0.0139322);
  icc_add_xyz (profile, 4, "gXYZ", 0.3850649, 0.7168786, 0.0971045);
  icc_add_xyz (profile, 5, "bXYZ", 0.1430804, 0.0606169, 0.7141733);

  icc_put32 (curve + 8, N_POINTS);
  for (guint i = 0; i < N_POINTS; i++)
    {
      double v = (double) i / (N_POINTS - 1);
      double linear = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
      guint16 value = (guint16) lround (linear * 65535.0);

      curve[12 + 2 * i] = value >> 8;
      curve[12 + 2 * i + 1] = value & 0xff;
    }
  curve_offset = profile->len;
  icc_add_tag (profile, 6, "rTRC", curve, sizeof curve);

  /* The three channels share one curve. */
  for (guint i = 7; i < N_TAGS; i++)
    {
      memcpy (profile->data + 132 + 12 * i, i == 7 ? "gTRC" : "bTRC", 4);
      icc_put32 (profile->data + 132 + 12 * i + 4, curve_offset);
      icc_put32 (profile->data + 132 + 12 * i + 8, sizeof curve);
    }

  icc_put32 (profile->data, profile->len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&profile));
}

static void
add_output_intent (Renderer *r)
{
  g_autoptr(GBytes) icc = build_srgb_profile ();
  HPDF_MMgr mmgr = r->pdf->mmgr;
  HPDF_Dict profile = HPDF_DictStream_New (mmgr, r->pdf->xref);
  HPDF_Dict intent = HPDF_Dict_New (mmgr);
  HPDF_Array intents = HPDF_Array_New (mmgr);
  gsize size;
  gconstpointer data = g_bytes_get_data (icc, &size);

  if (profile == NULL || intent == NULL || intents == NULL)
    return;

  /* libharu's HPDF_PDFA_AppendOutputIntents misspells the profile's key
   * ("DestOutputProfile " with a space), so the intent is made here. */
  profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_AddNumber (profile, "N", 3);
  HPDF_Stream_Write (profile->stream, data, size);

  HPDF_Dict_AddName (intent, "Type", "OutputIntent");
  HPDF_Dict_AddName (intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add (intent, "OutputConditionIdentifier", HPDF_String_New (mmgr, SRGB_NAME, NULL));
  HPDF_Dict_Add (intent, "RegistryName", HPDF_String_New (mmgr, "http://www.color.org", NULL));
  HPDF_Dict_Add (intent, "Info", HPDF_String_New (mmgr, SRGB_NAME, NULL));
  HPDF_Dict_Add (intent, "DestOutputProfile", profile);
  HPDF_Array_Add (intents, intent);
  HPDF_Dict_Add (r->pdf->catalog, "OutputIntents", intents);
}

static void
append_xmp (GString    *xmp,
            const char *element,
            const char *container,
            const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  escaped = g_markup_escape_text (value, -1);
  if (container == NULL)
    g_string_append_printf (xmp, "   <%s>%s</%s>\n", element, escaped, element);
  else if (g_str_equal (container, "Alt"))
    g_string_append_printf (xmp, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
                                 "</rdf:Alt></%s>\n", element, escaped, element);
  else
    g_string_append_printf (xmp, "   <%s><rdf:%s><rdf:li>%s</rdf:li></rdf:%s></%s>\n",
                            element, container, escaped, container, element);
}

/* The XMP packet repeats the document information, as PDF/A requires, and
 * names the conformance level. libharu's HPDF_PDFA_SetPDFAConformance
 * writes one too, but without escaping ("R&D" makes it invalid XML) and
 * with "/SubType" for "/Subtype", so this one replaces it. */
static void
add_xmp (Renderer *r)
{
  g_autoptr(GString) xmp = g_string_new (NULL);
  g_autofree char *tool = dup_creator ();
  g_autofree char *date = g_date_time_format (cf_doc_model_get_created (r->model),
                                              "%Y-%m-%dT%H:%M:%S%:z");
  HPDF_Dict stream;

  /* The packet starts with a byte order mark, as XMP asks. */
  g_string_append (xmp, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                        "  <rdf:Description rdf:about=\"\"\n"
                        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                        "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
  g_string_append (xmp, "   <dc:format>application/pdf</dc:format>\n");
  append_xmp (xmp, "dc:title", "Alt", cf_doc_model_get_title (r->model));
  append_xmp (xmp, "dc:creator", "Seq", cf_doc_model_get_author (r->model));
  append_xmp (xmp, "dc:description", "Alt", cf_doc_model_get_subject (r->model));
  append_xmp (xmp, "dc:language", "Bag", cf_doc_model_get_language (r->model));
  append_xmp (xmp, "pdf:Keywords", NULL, cf_doc_model_get_keywords (r->model));
  append_xmp (xmp, "pdf:Producer", NULL, tool);
  append_xmp (xmp, "xmp:CreatorTool", NULL, tool);
  append_xmp (xmp, "xmp:CreateDate", NULL, date);
  append_xmp (xmp, "pdfaid:part", NULL, "1");
  append_xmp (xmp, "pdfaid:conformance", NULL, "B");
  g_string_append (xmp, "  </rdf:Description>\n"
                        " </rdf:RDF>\n"
                        "</x:xmpmeta>\n"
                        "<?xpacket end=\"w\"?>");

  stream = HPDF_DictStream_New (r->pdf->mmgr, r->pdf->xref);
  if (stream == NULL)
    return;

  /* PDF/A wants the packet readable without decoding. */
  stream->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict_AddName (stream, "Type", "Metadata");
  HPDF_Dict_AddName (stream, "Subtype", "XML");
  HPDF_Stream_Write (stream->stream, (const HPDF_BYTE *) xmp->str, xmp->len);
  HPDF_Dict_Add (r->pdf->catalog, "Metadata", stream);
}

/* The file identifier, from the content rather than the clock (libharu's
 * HPDF_PDFA_GenerateID uses the time), so the same document gives the same
 * bytes. */
static void
add_file_id (Renderer *r)
{
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  g_autofree char *text = cf_doc_model_to_text (r->model);
  g_autofree char *date = g_date_time_format_iso8601 (cf_doc_model_get_created (r->model));
  g_autofree char *pages = g_strdup_printf ("%u", r->pages->len);
  guint8 digest[16];
  gsize length = sizeof digest;
  HPDF_Array id = HPDF_Array_New (r->pdf->mmgr);

  if (id == NULL)
    return;

  g_checksum_update (md5, (const guchar *) cf_doc_model_get_title (r->model), -1);
  g_checksum_update (md5, (const guchar *) date, -1);
  g_checksum_update (md5, (const guchar *) pages, -1);
  g_checksum_update (md5, (const guchar *) text, -1);
  g_checksum_get_digest (md5, digest, &length);

  HPDF_Array_Add (id, HPDF_Binary_New (r->pdf->mmgr, digest, length));
  HPDF_Array_Add (id, HPDF_Binary_New (r->pdf->mmgr, digest, length));
  HPDF_Dict_Add (r->pdf->trailer, "ID", id);
}

/* PDF/A-1 wants a subset CID font to say which CIDs it holds, in a CIDSet.
 * libharu makes the font descriptor, with the subset, just before writing
 * the font; it is made here instead, once every glyph has been used, and
 * completed. Writing calls the same function again, which then only
 * refreshes the font's names. */
static void
complete_font (Renderer  *r,
               HPDF_Font  font)
{
  HPDF_FontAttr attr = font->attr;
  HPDF_TTFontDefAttr def;
  HPDF_Stream map;
  HPDF_Dict cidset;
  g_autofree guint8 *bits = NULL;
  guint n_bytes = 1;
  guint cid = 0;

  if (attr == NULL || attr->type != HPDF_FONT_TYPE0_TT || attr->map_stream == NULL ||
      font->before_write_fn == NULL)
    return;
  if (font->before_write_fn (font) != HPDF_OK || attr->fontdef->descriptor == NULL)
    return;

  def = attr->fontdef->attr;
  map = attr->map_stream->stream;
  bits = g_malloc0 (0x10000 / 8);
  bits[0] = 0x80;   /* CID 0, the .notdef glyph, is always there */

  /* The CID-to-glyph map is libharu's own, so the set matches the glyphs
   * its subset keeps, including the parts of composite glyphs. */
  for (guint b = 0; b < HPDF_MemStream_GetBufCount (map); b++)
    {
      HPDF_UINT length = 0;
      const HPDF_BYTE *data = HPDF_MemStream_GetBufPtr (map, b, &length);

      for (HPDF_UINT k = 0; data != NULL && k + 1 < length && cid < 0x10000; k += 2, cid++)
        {
          guint gid = (guint) data[k] << 8 | data[k + 1];

          if (gid != 0 && gid < def->num_glyphs && def->glyph_tbl.flgs[gid])
            {
              bits[cid / 8] |= 0x80 >> (cid % 8);
              n_bytes = cid / 8 + 1;
            }
        }
    }

  cidset = HPDF_DictStream_New (r->pdf->mmgr, r->pdf->xref);
  if (cidset == NULL)
    return;
  cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Stream_Write (cidset->stream, bits, n_bytes);
  HPDF_Dict_Add (attr->fontdef->descriptor, "CIDSet", cidset);
}

static void
make_pdfa (Renderer *r)
{
  /* PDF/A-1 is PDF 1.4. */
  r->pdf->pdf_version = HPDF_VER_14;

  add_xmp (r);
  add_file_id (r);
  add_output_intent (r);
  for (guint i = 0; i < N_FONTS; i++)
    if (r->fonts[i] != NULL)
      complete_font (r, r->fonts[i]);
}

static GBytes *
save (Renderer *r)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  HPDF_BYTE buffer[16384];

  if (HPDF_SaveToStream (r->pdf) != HPDF_OK || failed (r))
    {
      failed (r);
      return NULL;
    }

  HPDF_ResetStream (r->pdf);
  for (;;)
    {
      HPDF_UINT32 n = sizeof buffer;
      HPDF_STATUS status = HPDF_ReadFromStream (r->pdf, buffer, &n);

      g_byte_array_append (bytes, buffer, n);
      if (status == HPDF_STREAM_EOF)
        break;
      if (status != HPDF_OK)
        {
          r->hpdf_error = status;
          failed (r);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * cf_pdf_format_page_label:
 * @format: (nullable): e.g. "Seite {page} von {pages}"; %NULL for the
 *   user interface's language
 * @page: counted from 1
 *
 * Documents may be in another language than the user interface, so their
 * page label is a format from the model, which is never given to printf:
 * only "{page}" and "{pages}" are replaced.
 *
 * Returns: (transfer full): e.g. "Page 3 of 12"
 */
char *
cf_pdf_format_page_label (const char *format,
                          guint       page,
                          guint       n_pages)
{
  g_autoptr(GString) label = g_string_new (NULL);

  /* Translators: the page label in the footer of PDF documents; keep
   * {page} and {pages}, which become the page's number and the number of
   * pages. */
  if (format == NULL)
    format = _("Page {page} of {pages}");

  for (const char *p = format; *p != '\0';)
    {
      if (g_str_has_prefix (p, "{pages}"))
        {
          g_string_append_printf (label, "%u", n_pages);
          p += strlen ("{pages}");
        }
      else if (g_str_has_prefix (p, "{page}"))
        {
          g_string_append_printf (label, "%u", page);
          p += strlen ("{page}");
        }
      else
        g_string_append_c (label, *p++);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * cf_pdf_render:
 * @model: the document
 * @cancellable: (nullable): checked between blocks and pages
 *
 * The same as cf_pdf_render_full() without options.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
cf_pdf_render (CfDocModel    *model,
               GCancellable  *cancellable,
               GError       **error)
{
  return cf_pdf_render_full (model, NULL, cancellable, error);
}

/**
 * cf_pdf_render_full:
 * @model: the document
 * @options: (nullable): %NULL for a plain PDF
 * @cancellable: (nullable): checked between blocks and pages
 *
 * Lays out @model on A4 pages with embedded, subsetted DejaVu fonts in
 * UTF-8, so any EU language renders and can be copied out of the PDF.
 * Safe to call from a worker thread.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
cf_pdf_render_full (CfDocModel          *model,
                    const CfPdfOptions  *options,
                    GCancellable        *cancellable,
                    GError             **error)
{
  Renderer r = { 0 };
  GBytes *result = NULL;

  g_return_val_if_fail (CF_IS_DOC_MODEL (model), NULL);

  r.model = model;
  r.cancellable = cancellable;
  if (options != NULL)
    r.options = *options;
  r.lines = g_ptr_array_new_with_free_func (line_free);
  r.pages = g_ptr_array_new_with_free_func (page_free);
  r.headings = g_ptr_array_new_with_free_func (heading_free);
  r.pdf = HPDF_New (hpdf_error_cb, &r);
  if (r.pdf == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_PDF, _("Could not start a PDF document."));
      g_ptr_array_unref (r.lines);
      g_ptr_array_unref (r.pages);
      g_ptr_array_unref (r.headings);
      return NULL;
    }

  HPDF_SetCompressionMode (r.pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (r.pdf);
  HPDF_SetCurrentEncoder (r.pdf, "UTF-8");

  layout (&r);

  if (!failed (&r))
    draw_pages (&r);

  if (!failed (&r))
    {
      set_metadata (&r);
      if (r.options.pdfa)
        make_pdfa (&r);
    }

  if (!failed (&r) && !g_cancellable_set_error_if_cancelled (cancellable, &r.error))
    result = save (&r);

  HPDF_Free (r.pdf);
  for (guint i = 0; i < N_FONTS; i++)
    widths_free (r.widths[i]);
  g_free (r.hpdf_pages);
  g_ptr_array_unref (r.lines);
  g_ptr_array_unref (r.pages);
  g_ptr_array_unref (r.headings);

  if (result == NULL)
    g_propagate_error (error, r.error);

  return result;
}
