/* cf-pdf-renderer.c — the one place that knows how a document looks on paper
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <hpdf.h>
#include <string.h>

#include "cf-error.h"
#include "cf-fonts.h"
#include "cf-pdf-renderer.h"

/* A4 in points, and the type area. */
#define PAGE_WIDTH     595.276f
#define PAGE_HEIGHT    841.89f
#define MARGIN_LEFT     62.0f
#define MARGIN_RIGHT    62.0f
#define MARGIN_TOP      80.0f
#define MARGIN_BOTTOM   72.0f
#define TEXT_WIDTH     (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define LINE_FACTOR     1.38f

#define KEY_COLUMN     (TEXT_WIDTH * 0.32f)
#define COLUMN_GAP      10.0f
#define CELL_PADDING     4.5f
#define NOTICE_PADDING   8.0f

typedef enum
{
  FONT_REGULAR,
  FONT_BOLD,
  FONT_ITALIC,
  N_FONTS
} FontId;

static const char * const font_files[N_FONTS] = {
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
};

typedef struct
{
  FontId font;
  float  size;
  float  gray;       /* text colour, unless red */
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

typedef struct
{
  HPDF_Doc      pdf;
  HPDF_Font     fonts[N_FONTS];
  GPtrArray    *pages;    /* of HPDF_Page */
  HPDF_Page     page;
  float         y;        /* top of the free space on the current page */
  HPDF_Outline  outline;
  CfDocModel   *model;
  HPDF_STATUS   hpdf_error;
  HPDF_STATUS   hpdf_detail;
  GError       *error;
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

  return r->fonts[id];
}

static float
measure (Renderer        *r,
         const TextStyle *style,
         const char      *text,
         gsize            length)
{
  HPDF_Font font = get_font (r, style->font);
  HPDF_TextWidth tw;

  if (font == NULL || length == 0)
    return 0;

  tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) text, length);
  return tw.width * style->size / 1000.0f;
}

/* Styles */

static TextStyle
resolve_style (CfDocBlockKind kind,
               CfDocStyle     style)
{
  TextStyle s = { FONT_REGULAR, 10.0f, 0.0f, FALSE };

  switch (kind)
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
      s.size = 10.5f;
      s.font = FONT_BOLD;
      break;
    case CF_DOC_BLOCK_PARAGRAPH:
    case CF_DOC_BLOCK_NOTICE:
    case CF_DOC_BLOCK_KEY_VALUE:
    case CF_DOC_BLOCK_SIGNATURE:
    default:
      break;
    }

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

/* Line breaking */

static void
fragment_free (gpointer data)
{
  Fragment *f = data;

  g_string_free (f->text, TRUE);
  g_free (f);
}

static Line *
line_new (void)
{
  Line *line = g_new0 (Line, 1);

  line->fragments = g_ptr_array_new_with_free_func (fragment_free);
  return line;
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_ptr_array_unref (line->fragments);
  g_free (line);
}

static void
line_note_style (Line            *line,
                 const TextStyle *style)
{
  line->size = MAX (line->size, style->size);
  line->height = MAX (line->height, style->size * LINE_FACTOR);
}

static void
line_append (Renderer        *r,
             Line            *line,
             const TextStyle *style,
             const char      *text,
             gsize            length,
             gboolean         with_space)
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

  if (with_space)
    g_string_append_c (last->text, ' ');
  g_string_append_len (last->text, text, length);

  last->width = measure (r, &last->style, last->text->str, last->text->len);
  line->width = 0;
  for (guint i = 0; i < line->fragments->len; i++)
    line->width += ((Fragment *) g_ptr_array_index (line->fragments, i))->width;
}

typedef struct
{
  Renderer  *r;
  float      width;
  GPtrArray *lines;
  Line      *current;
  gboolean   pending_space;
} Breaker;

static void
breaker_newline (Breaker *b)
{
  b->current = line_new ();
  g_ptr_array_add (b->lines, b->current);
  b->pending_space = FALSE;
}

/* Places one word, wrapping before it when it does not fit, and cutting it
 * into pieces when it is wider than a whole line (hashes, long URLs). */
static void
breaker_add_word (Breaker         *b,
                  const TextStyle *style,
                  const char      *word,
                  gsize            length)
{
  float space = b->pending_space && b->current->fragments->len > 0 ? measure (b->r, style, " ", 1) : 0;
  float width = measure (b->r, style, word, length);

  if (b->current->fragments->len > 0 && b->current->width + space + width > b->width)
    breaker_newline (b);

  while (width > b->width && length > 0)
    {
      const char *end = word;
      const char *fit = NULL;

      while (end < word + length)
        {
          const char *next = g_utf8_next_char (end);

          if (measure (b->r, style, word, next - word) + b->current->width > b->width)
            break;
          fit = end = next;
        }

      if (fit == NULL)
        {
          if (b->current->fragments->len == 0)
            fit = g_utf8_next_char (word);   /* always make progress */
          else
            {
              breaker_newline (b);
              continue;
            }
        }

      line_append (b->r, b->current, style, word, fit - word, FALSE);
      length -= fit - word;
      word = fit;
      width = measure (b->r, style, word, length);
      if (length > 0)
        breaker_newline (b);
    }

  if (length > 0)
    line_append (b->r, b->current, style, word, length,
                 b->pending_space && b->current->fragments->len > 0);
  b->pending_space = FALSE;
}

/* Feeds text in one style to the breaker: a newline starts a new line,
 * spaces and tabs separate words. */
static void
breaker_feed (Breaker         *b,
              const TextStyle *style,
              const char      *text)
{
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

/* Breaks styled runs into lines no wider than @width. Runs join without a
 * space unless their text has one. */
static GPtrArray *
break_runs (Renderer       *r,
            GPtrArray      *runs,
            CfDocBlockKind  kind,
            float           width)
{
  Breaker b = { r, width, g_ptr_array_new_with_free_func (line_free), NULL, FALSE };
  TextStyle base = resolve_style (kind, CF_DOC_STYLE_NORMAL);

  breaker_newline (&b);

  /* A block with no text still occupies one line of its style. */
  line_note_style (b.current, &base);

  for (guint i = 0; i < runs->len && !failed (r); i++)
    {
      CfDocRun *run = g_ptr_array_index (runs, i);
      TextStyle style = resolve_style (kind, run->style);

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
  Breaker b = { r, width, g_ptr_array_new_with_free_func (line_free), NULL, FALSE };

  breaker_newline (&b);
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

/* Pages */

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
draw_watermark (Renderer   *r,
                const char *text)
{
  TextStyle style = { FONT_BOLD, 96.0f, 0.0f, FALSE };
  HPDF_Font font = get_font (r, FONT_BOLD);
  float width;

  if (font == NULL)
    return;

  /* Drawn first, so the page's text lies on top of it and stays legible. */
  width = measure (r, &style, text, strlen (text));
  HPDF_Page_BeginText (r->page);
  HPDF_Page_SetFontAndSize (r->page, font, style.size);
  HPDF_Page_SetRGBFill (r->page, 0.93f, 0.87f, 0.87f);
  HPDF_Page_SetTextMatrix (r->page, 0.7071f, 0.7071f, -0.7071f, 0.7071f,
                           PAGE_WIDTH / 2 - 0.7071f * width / 2 + 0.7071f * style.size / 3,
                           PAGE_HEIGHT / 2 - 0.7071f * width / 2 - 0.7071f * style.size / 3);
  HPDF_Page_ShowText (r->page, text);
  HPDF_Page_EndText (r->page);
}

static void
new_page (Renderer *r)
{
  const char *watermark = cf_doc_model_get_watermark (r->model);

  r->page = HPDF_AddPage (r->pdf);
  HPDF_Page_SetSize (r->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  g_ptr_array_add (r->pages, r->page);
  r->y = PAGE_HEIGHT - MARGIN_TOP;

  if (watermark != NULL)
    draw_watermark (r, watermark);
}

/* Makes sure @height fits below the cursor; starts a new page if not. */
static void
ensure_space (Renderer *r,
              float     height)
{
  if (r->page == NULL || (r->y - height < MARGIN_BOTTOM && r->y < PAGE_HEIGHT - MARGIN_TOP))
    new_page (r);
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
      HPDF_Font font = get_font (r, f->style.font);

      if (font == NULL)
        return;

      HPDF_Page_BeginText (r->page);
      HPDF_Page_SetFontAndSize (r->page, font, f->style.size);
      set_fill (r->page, &f->style);
      HPDF_Page_TextOut (r->page, x, baseline, f->text->str);
      HPDF_Page_EndText (r->page);
      x += f->width;
    }
}

/* Draws lines from the cursor down, breaking pages between lines. */
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
      draw_line (r, line, centred ? MARGIN_LEFT + (TEXT_WIDTH - line->width) / 2 : x, r->y);
      r->y -= line->height;
    }
}

static void
rule (Renderer *r,
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

/* Blocks */

static void
add_bookmark (Renderer   *r,
              CfDocBlock *block)
{
  g_autoptr(GString) title = g_string_new (NULL);
  HPDF_Destination destination;
  HPDF_Outline entry;

  for (guint i = 0; i < block->runs->len; i++)
    g_string_append (title, ((CfDocRun *) g_ptr_array_index (block->runs, i))->text);
  g_strdelimit (title->str, "\n", ' ');

  /* Bookmarks show one line: keep them short. */
  if (g_utf8_strlen (title->str, -1) > 90)
    {
      g_string_truncate (title, g_utf8_offset_to_pointer (title->str, 88) - title->str);
      g_string_append (title, "…");
    }

  if (r->outline == NULL)
    r->outline = HPDF_CreateOutline (r->pdf, NULL, cf_doc_model_get_title (r->model),
                                     HPDF_GetEncoder (r->pdf, "UTF-8"));

  entry = HPDF_CreateOutline (r->pdf, r->outline, title->str, HPDF_GetEncoder (r->pdf, "UTF-8"));
  destination = HPDF_Page_CreateDestination (r->page);
  HPDF_Destination_SetFitH (destination, r->y + 6);
  HPDF_Outline_SetDestination (entry, destination);
}

static void
render_text_block (Renderer   *r,
                   CfDocBlock *block)
{
  g_autoptr(GPtrArray) lines = NULL;
  float before = 0, after = 6;

  switch (block->kind)
    {
    case CF_DOC_BLOCK_TITLE:
      after = 4;
      break;
    case CF_DOC_BLOCK_SUBTITLE:
      after = 2;
      break;
    case CF_DOC_BLOCK_HEADING:
      before = 12;
      after = 4;
      break;
    default:
      break;
    }

  lines = break_runs (r, block->runs, block->kind, TEXT_WIDTH);
  if (failed (r))
    return;

  if (r->page != NULL && r->y < PAGE_HEIGHT - MARGIN_TOP)
    r->y -= before;

  /* A heading never ends a page: keep it with two lines of what follows. */
  if (block->kind == CF_DOC_BLOCK_HEADING)
    ensure_space (r, lines_height (lines) + 2 * 10.0f * LINE_FACTOR);
  else
    ensure_space (r, MIN (lines_height (lines), 3 * 10.0f * LINE_FACTOR));

  if (block->kind == CF_DOC_BLOCK_HEADING)
    add_bookmark (r, block);

  flow_lines (r, lines, MARGIN_LEFT,
              block->kind == CF_DOC_BLOCK_TITLE || block->kind == CF_DOC_BLOCK_SUBTITLE);
  r->y -= after;
}

static void
render_notice (Renderer   *r,
               CfDocBlock *block)
{
  g_autoptr(GPtrArray) lines = NULL;
  float height, top;

  lines = break_runs (r, block->runs, block->kind, TEXT_WIDTH - 2 * NOTICE_PADDING);
  if (failed (r))
    return;

  height = lines_height (lines) + 2 * NOTICE_PADDING;
  r->y -= 4;
  ensure_space (r, height);
  top = r->y;

  HPDF_Page_SetRGBFill (r->page, 1.0f, 0.95f, 0.93f);
  HPDF_Page_SetRGBStroke (r->page, 0.75f, 0.08f, 0.08f);
  HPDF_Page_SetLineWidth (r->page, 1.0f);
  HPDF_Page_Rectangle (r->page, MARGIN_LEFT, top - height, TEXT_WIDTH, height);
  HPDF_Page_FillStroke (r->page);

  r->y -= NOTICE_PADDING;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      draw_line (r, line, MARGIN_LEFT + NOTICE_PADDING, r->y);
      r->y -= line->height;
    }
  r->y = top - height - 10;
}

static void
render_row (Renderer  *r,
            CfDocRow  *row,
            CfDocBlockKind kind,
            gboolean   separator)
{
  TextStyle key = key_style ();
  g_autoptr(GPtrArray) key_lines = NULL;
  g_autoptr(GPtrArray) value_lines = NULL;
  float value_x = MARGIN_LEFT + KEY_COLUMN + COLUMN_GAP;
  float height, top, y;

  key_lines = break_text (r, &key, row->key ? row->key : "", KEY_COLUMN);
  value_lines = break_runs (r, row->runs, kind, TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP);
  if (failed (r))
    return;

  height = MAX (lines_height (key_lines), lines_height (value_lines)) + 2 * CELL_PADDING;

  /* A row moves to the next page whole; only a row taller than a page is
   * split, and then its value flows on alone. */
  ensure_space (r, height);
  if (r->y - height >= MARGIN_BOTTOM)
    {
      top = r->y - CELL_PADDING;
      y = top;
      for (guint i = 0; i < key_lines->len; i++)
        {
          Line *line = g_ptr_array_index (key_lines, i);

          /* Nudge the smaller key type onto the value's baseline. */
          draw_line (r, line, MARGIN_LEFT, y - 1.2f);
          y -= line->height;
        }
      y = top;
      for (guint i = 0; i < value_lines->len; i++)
        {
          Line *line = g_ptr_array_index (value_lines, i);

          draw_line (r, line, value_x, y);
          y -= line->height;
        }
      r->y -= height;
    }
  else
    {
      r->y -= CELL_PADDING;
      flow_lines (r, key_lines, MARGIN_LEFT, FALSE);
      flow_lines (r, value_lines, value_x, FALSE);
      r->y -= CELL_PADDING;
    }

  if (separator)
    rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, r->y, 0.82f, 0.5f);
}

static void
render_key_value (Renderer   *r,
                  CfDocBlock *block)
{
  if (block->rows->len == 0)
    return;

  ensure_space (r, 2 * 10.0f * LINE_FACTOR);
  rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, r->y, 0.82f, 0.5f);

  for (guint i = 0; i < block->rows->len && !failed (r); i++)
    render_row (r, g_ptr_array_index (block->rows, i), block->kind, TRUE);

  r->y -= 6;
}

/* The signature block stays on one page: a signature separated from what it
 * signs is worthless. Its last row with a key but no value is the line to
 * sign on, captioned with the key. */
static void
render_signature (Renderer   *r,
                  CfDocBlock *block)
{
  TextStyle caption = key_style ();
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

  for (guint i = 0; i < n_rows; i++)
    {
      CfDocRow *row = g_ptr_array_index (block->rows, i);
      TextStyle key = key_style ();
      g_autoptr(GPtrArray) key_lines = break_text (r, &key, row->key ? row->key : "", KEY_COLUMN);
      g_autoptr(GPtrArray) value_lines = break_runs (r, row->runs, block->kind,
                                                     TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP);

      height += MAX (lines_height (key_lines), lines_height (value_lines)) + 2 * CELL_PADDING;
    }
  if (sign_row != NULL)
    height += 56;

  r->y -= 6;
  if (r->page == NULL || r->y - height < MARGIN_BOTTOM)
    new_page (r);

  for (guint i = 0; i < n_rows && !failed (r); i++)
    render_row (r, g_ptr_array_index (block->rows, i), block->kind, FALSE);

  if (sign_row != NULL && !failed (r))
    {
      g_autoptr(GPtrArray) lines = break_text (r, &caption, sign_row->key ? sign_row->key : "",
                                               TEXT_WIDTH - KEY_COLUMN - COLUMN_GAP);
      float x = MARGIN_LEFT + KEY_COLUMN + COLUMN_GAP;

      r->y -= 40;
      rule (r, x, x + 220, r->y, 0.0f, 0.7f);
      r->y -= 3;
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          draw_line (r, line, x, r->y);
          r->y -= line->height;
        }
    }
}

/* Running head, footer and page numbers go on last, once the number of
 * pages is known. */
static void
decorate_pages (Renderer *r)
{
  TextStyle small = { FONT_REGULAR, 7.5f, 0.35f, FALSE };
  HPDF_Font font = get_font (r, FONT_REGULAR);
  const char *head = cf_doc_model_get_running_head (r->model);
  const char *footer = cf_doc_model_get_footer (r->model);

  if (font == NULL)
    return;

  for (guint i = 0; i < r->pages->len; i++)
    {
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, r->pages->len);
      float number_width = measure (r, &small, number, strlen (number));
      float footer_room = TEXT_WIDTH - number_width - 12;

      r->page = g_ptr_array_index (r->pages, i);

      if (head != NULL)
        {
          g_autoptr(GPtrArray) lines = break_text (r, &small, head, TEXT_WIDTH);

          draw_line (r, g_ptr_array_index (lines, 0), MARGIN_LEFT, PAGE_HEIGHT - 40);
          rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, PAGE_HEIGHT - 52, 0.75f, 0.5f);
        }

      rule (r, MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, 52, 0.75f, 0.5f);
      if (footer != NULL)
        {
          g_autoptr(GPtrArray) lines = break_text (r, &small, footer, footer_room);

          draw_line (r, g_ptr_array_index (lines, 0), MARGIN_LEFT, 46);
        }

      HPDF_Page_BeginText (r->page);
      HPDF_Page_SetFontAndSize (r->page, font, small.size);
      HPDF_Page_SetGrayFill (r->page, small.gray);
      HPDF_Page_TextOut (r->page, MARGIN_LEFT + TEXT_WIDTH - number_width, 46 - small.size * 1.02f,
                         number);
      HPDF_Page_EndText (r->page);
    }
}

static void
set_metadata (Renderer *r)
{
  GDateTime *created = cf_doc_model_get_created (r->model);
  gint offset_minutes = (gint) (g_date_time_get_utc_offset (created) / G_TIME_SPAN_MINUTE);
  g_autofree char *producer = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  HPDF_Date date = { 0 };

  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_TITLE, cf_doc_model_get_title (r->model));
  if (cf_doc_model_get_author (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_AUTHOR, cf_doc_model_get_author (r->model));
  if (cf_doc_model_get_subject (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_SUBJECT, cf_doc_model_get_subject (r->model));
  if (cf_doc_model_get_keywords (r->model) != NULL)
    HPDF_SetInfoAttr (r->pdf, HPDF_INFO_KEYWORDS, cf_doc_model_get_keywords (r->model));
  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_CREATOR, PACKAGE_NAME);
  HPDF_SetInfoAttr (r->pdf, HPDF_INFO_PRODUCER, producer);

  date.year = g_date_time_get_year (created);
  date.month = g_date_time_get_month (created);
  date.day = g_date_time_get_day_of_month (created);
  date.hour = g_date_time_get_hour (created);
  date.minutes = g_date_time_get_minute (created);
  date.seconds = g_date_time_get_second (created);
  date.ind = offset_minutes == 0 ? 'Z' : (offset_minutes > 0 ? '+' : '-');
  date.off_hour = ABS (offset_minutes) / 60;
  date.off_minutes = ABS (offset_minutes) % 60;
  HPDF_SetInfoDateAttr (r->pdf, HPDF_INFO_CREATION_DATE, date);
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
 * cf_pdf_render:
 * @model: the document
 * @cancellable: (nullable): checked between blocks
 *
 * Lays out @model on A4 pages with embedded, subsetted DejaVu fonts in
 * UTF-8, so any EU language renders and can be copied out of the PDF.
 * Safe to call from a worker thread.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
cf_pdf_render (CfDocModel    *model,
               GCancellable  *cancellable,
               GError       **error)
{
  Renderer r = { 0 };
  GBytes *result = NULL;

  g_return_val_if_fail (CF_IS_DOC_MODEL (model), NULL);

  r.model = model;
  r.pages = g_ptr_array_new ();
  r.pdf = HPDF_New (hpdf_error_cb, &r);
  if (r.pdf == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_PDF, _("Could not start a PDF document."));
      g_ptr_array_unref (r.pages);
      return NULL;
    }

  HPDF_SetCompressionMode (r.pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (r.pdf);
  HPDF_SetCurrentEncoder (r.pdf, "UTF-8");

  for (guint i = 0; i < cf_doc_model_get_n_blocks (model) && !failed (&r); i++)
    {
      CfDocBlock *block = cf_doc_model_get_block (model, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, &r.error))
        break;

      switch (block->kind)
        {
        case CF_DOC_BLOCK_KEY_VALUE:
          render_key_value (&r, block);
          break;
        case CF_DOC_BLOCK_SIGNATURE:
          render_signature (&r, block);
          break;
        case CF_DOC_BLOCK_NOTICE:
          render_notice (&r, block);
          break;
        case CF_DOC_BLOCK_TITLE:
        case CF_DOC_BLOCK_SUBTITLE:
        case CF_DOC_BLOCK_HEADING:
        case CF_DOC_BLOCK_PARAGRAPH:
        default:
          render_text_block (&r, block);
          break;
        }
    }

  if (!failed (&r))
    {
      if (r.page == NULL)
        new_page (&r);
      decorate_pages (&r);
      set_metadata (&r);
      if (r.outline != NULL)
        {
          HPDF_Outline_SetOpened (r.outline, HPDF_TRUE);
          HPDF_SetPageMode (r.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
        }
    }

  if (!failed (&r) && !g_cancellable_set_error_if_cancelled (cancellable, &r.error))
    result = save (&r);

  HPDF_Free (r.pdf);
  g_ptr_array_unref (r.pages);

  if (result == NULL)
    g_propagate_error (error, r.error);

  return result;
}
