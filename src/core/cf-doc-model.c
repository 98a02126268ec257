/* cf-doc-model.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-doc-model"

#include "config.h"

#include <string.h>

#include "cf-doc-model.h"

#define MAX_HEADING_LEVEL 3

/* Generators describe what a document says; the renderer alone decides how
 * it looks on the page. That keeps every document consistent and lets the
 * same model be checked in tests without rendering it. */
struct _CfDocModel
{
  GObject    parent_instance;

  char      *title;
  char      *author;
  char      *subject;
  char      *keywords;
  char      *language;
  char      *running_head;
  char      *running_head_left;
  char      *running_head_right;
  char      *footer;
  char      *page_label_format;
  char      *watermark;
  GDateTime *created;
  GPtrArray *blocks;        /* of CfDocBlock */

  gboolean   title_page;
  GPtrArray *title_page_rows;   /* of CfDocRow */

  /* Headings are numbered as they are added, so numbering a long document
   * costs nothing more than adding to it. */
  gboolean   numbered_headings;
  guint      counters[MAX_HEADING_LEVEL];
  guint      last_level;
};

G_DEFINE_FINAL_TYPE (CfDocModel, cf_doc_model, G_TYPE_OBJECT)

static void
run_free (gpointer data)
{
  CfDocRun *run = data;

  g_free (run->text);
  g_free (run);
}

static void
row_free (gpointer data)
{
  CfDocRow *row = data;

  g_free (row->key);
  g_ptr_array_unref (row->runs);
  g_free (row);
}

static void
block_free (gpointer data)
{
  CfDocBlock *block = data;

  g_ptr_array_unref (block->runs);
  g_ptr_array_unref (block->rows);
  g_free (block->number);
  g_free (block->widths);
  g_clear_pointer (&block->header, g_ptr_array_unref);
  g_clear_pointer (&block->png, g_bytes_unref);
  g_free (block);
}

static CfDocRun *
run_new (CfDocStyle  style,
         const char *text)
{
  CfDocRun *run = g_new0 (CfDocRun, 1);

  run->style = style;
  run->text = g_strdup (text);

  return run;
}

static CfDocRow *
row_new (const char *key)
{
  CfDocRow *row = g_new0 (CfDocRow, 1);

  row->key = g_strdup (key);
  row->runs = g_ptr_array_new_with_free_func (run_free);

  return row;
}

/* Gives a heading the next number at its level: "2", "2.1", "2.1.3". */
static void
number_heading (CfDocModel *self,
                CfDocBlock *block)
{
  guint level = MAX (block->level, 1);
  g_autoptr(GString) number = g_string_new (NULL);

  self->counters[level - 1]++;
  for (guint i = level; i < MAX_HEADING_LEVEL; i++)
    self->counters[i] = 0;

  for (guint i = 0; i < level; i++)
    g_string_append_printf (number, "%s%u", i > 0 ? "." : "", self->counters[i]);

  g_free (block->number);
  block->number = g_string_free (g_steal_pointer (&number), FALSE);
}

static void
renumber_headings (CfDocModel *self)
{
  memset (self->counters, 0, sizeof self->counters);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CfDocBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind != CF_DOC_BLOCK_HEADING)
        continue;
      if (self->numbered_headings)
        number_heading (self, block);
      else
        g_clear_pointer (&block->number, g_free);
    }
}

static void
cf_doc_model_finalize (GObject *object)
{
  CfDocModel *self = CF_DOC_MODEL (object);

  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->language);
  g_free (self->running_head);
  g_free (self->running_head_left);
  g_free (self->running_head_right);
  g_free (self->footer);
  g_free (self->page_label_format);
  g_free (self->watermark);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->title_page_rows);

  G_OBJECT_CLASS (cf_doc_model_parent_class)->finalize (object);
}

static void
cf_doc_model_class_init (CfDocModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_doc_model_finalize;
}

static void
cf_doc_model_init (CfDocModel *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->title_page_rows = g_ptr_array_new_with_free_func (row_free);
  self->created = g_date_time_new_now_local ();
}

CfDocModel *
cf_doc_model_new (const char *title)
{
  CfDocModel *self = g_object_new (CF_TYPE_DOC_MODEL, NULL);

  self->title = g_strdup (title);

  return self;
}

#define STRING_ACCESSORS(field)                                   \
const char *                                                      \
cf_doc_model_get_##field (CfDocModel *self)                       \
{                                                                 \
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);            \
  return self->field;                                             \
}                                                                 \
                                                                  \
void                                                              \
cf_doc_model_set_##field (CfDocModel *self,                       \
                          const char *value)                      \
{                                                                 \
  g_return_if_fail (CF_IS_DOC_MODEL (self));                      \
  g_free (self->field);                                           \
  self->field = g_strdup (value);                                 \
}

const char *
cf_doc_model_get_title (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->title;
}

STRING_ACCESSORS (author)
STRING_ACCESSORS (subject)
STRING_ACCESSORS (keywords)
STRING_ACCESSORS (language)
STRING_ACCESSORS (running_head)
STRING_ACCESSORS (footer)
STRING_ACCESSORS (watermark)

const char *
cf_doc_model_get_running_head_left (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->running_head_left;
}

const char *
cf_doc_model_get_running_head_right (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->running_head_right;
}

/**
 * cf_doc_model_set_running_head_parts:
 * @left: (nullable): e.g. the product and the document
 * @right: (nullable): e.g. the document's number and version
 *
 * A running head in two parts, one at each margin. When either is set,
 * they replace the single running head.
 */
void
cf_doc_model_set_running_head_parts (CfDocModel *self,
                                     const char *left,
                                     const char *right)
{
  g_return_if_fail (CF_IS_DOC_MODEL (self));

  g_free (self->running_head_left);
  self->running_head_left = g_strdup (left);
  g_free (self->running_head_right);
  self->running_head_right = g_strdup (right);
}

/**
 * cf_doc_model_get_page_label_format:
 *
 * Returns: (nullable): the format set with
 *   cf_doc_model_set_page_label_format(), or %NULL for the default
 */
const char *
cf_doc_model_get_page_label_format (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->page_label_format;
}

/**
 * cf_doc_model_set_page_label_format:
 * @format: (nullable): e.g. "Seite {page} von {pages}"; %NULL for
 *   "Page {page} of {pages}" in the user interface's language
 *
 * A document may be written in another language than the one the
 * application runs in, so its page label can be given here. The renderer
 * replaces "{page}" and "{pages}" with the numbers and interprets nothing
 * else (see cf_pdf_format_page_label()), so the format is safe to take
 * from a translation or a user.
 */
void
cf_doc_model_set_page_label_format (CfDocModel *self,
                                    const char *format)
{
  g_return_if_fail (CF_IS_DOC_MODEL (self));

  g_free (self->page_label_format);
  self->page_label_format = g_strdup (format);
}

/**
 * cf_doc_model_get_created:
 *
 * Returns: (transfer none): when the document was made (now, unless set)
 */
GDateTime *
cf_doc_model_get_created (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->created;
}

void
cf_doc_model_set_created (CfDocModel *self,
                          GDateTime  *created)
{
  g_return_if_fail (CF_IS_DOC_MODEL (self));
  g_return_if_fail (created != NULL);

  g_date_time_unref (self->created);
  self->created = g_date_time_ref (created);
}

/**
 * cf_doc_model_get_title_page:
 *
 * Returns: whether page 1 is a title page
 */
gboolean
cf_doc_model_get_title_page (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), FALSE);
  return self->title_page;
}

/**
 * cf_doc_model_set_title_page:
 *
 * With a title page, page 1 shows the title and subtitle blocks that open
 * the document, and the rows added with cf_doc_model_add_title_page_row(),
 * and nothing else; the document goes on on page 2.
 */
void
cf_doc_model_set_title_page (CfDocModel *self,
                             gboolean    title_page)
{
  g_return_if_fail (CF_IS_DOC_MODEL (self));
  self->title_page = !!title_page;
}

/**
 * cf_doc_model_get_title_page_rows:
 *
 * Returns: (transfer none) (element-type CfDocRow): the title page's
 *   key-value rows
 */
GPtrArray *
cf_doc_model_get_title_page_rows (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  return self->title_page_rows;
}

/**
 * cf_doc_model_add_title_page_row:
 * @key: e.g. "Manufacturer", "Document number"
 * @value: (nullable): more runs can be added to the row
 *
 * Returns: (transfer none): the row
 */
CfDocRow *
cf_doc_model_add_title_page_row (CfDocModel *self,
                                 const char *key,
                                 const char *value)
{
  CfDocRow *row;

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);

  row = row_new (key);
  cf_doc_row_add_run (row, CF_DOC_STYLE_NORMAL, value);
  g_ptr_array_add (self->title_page_rows, row);

  return row;
}

gboolean
cf_doc_model_get_numbered_headings (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), FALSE);
  return self->numbered_headings;
}

/**
 * cf_doc_model_set_numbered_headings:
 *
 * When set, the model numbers every heading by its level in document
 * order, "1", "1.1", "1.1.1", and the number shows in the text, the
 * bookmarks and the table of contents. When not (the default), headings
 * carry whatever numbers their text has.
 */
void
cf_doc_model_set_numbered_headings (CfDocModel *self,
                                    gboolean    numbered)
{
  g_return_if_fail (CF_IS_DOC_MODEL (self));

  numbered = !!numbered;
  if (self->numbered_headings == numbered)
    return;

  self->numbered_headings = numbered;
  renumber_headings (self);
}

guint
cf_doc_model_get_n_blocks (CfDocModel *self)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), 0);
  return self->blocks->len;
}

CfDocBlock *
cf_doc_model_get_block (CfDocModel *self,
                        guint       index)
{
  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/**
 * cf_doc_model_add_block:
 *
 * A heading added this way has level 0: it looks like the declaration's
 * points and is outlined at the top level.
 *
 * Returns: (transfer none): an empty block, owned by the model
 */
CfDocBlock *
cf_doc_model_add_block (CfDocModel     *self,
                        CfDocBlockKind  kind)
{
  CfDocBlock *block;

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);

  block = g_new0 (CfDocBlock, 1);
  block->kind = kind;
  block->runs = g_ptr_array_new_with_free_func (run_free);
  block->rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_add (self->blocks, block);

  if (kind == CF_DOC_BLOCK_HEADING)
    {
      self->last_level = 1;
      if (self->numbered_headings)
        number_heading (self, block);
    }

  return block;
}

/**
 * cf_doc_model_add_text:
 *
 * Adds a block holding one run of normal text.
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_text (CfDocModel     *self,
                       CfDocBlockKind  kind,
                       const char     *text)
{
  CfDocBlock *block = cf_doc_model_add_block (self, kind);

  cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);

  return block;
}

/**
 * cf_doc_model_add_heading:
 * @level: 1 for a chapter, 2 for a section, 3 for a subsection
 * @text: (nullable): the heading, without its number; more runs can be
 *   added to the block
 *
 * A heading goes at most one level deeper than the one before it, so the
 * numbering and the bookmarks never skip a level.
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_heading (CfDocModel *self,
                          guint       level,
                          const char *text)
{
  CfDocBlock *block;

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);

  level = CLAMP (level, 1, MIN (self->last_level + 1, MAX_HEADING_LEVEL));

  block = g_new0 (CfDocBlock, 1);
  block->kind = CF_DOC_BLOCK_HEADING;
  block->level = level;
  block->runs = g_ptr_array_new_with_free_func (run_free);
  block->rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_add (self->blocks, block);

  self->last_level = level;
  if (self->numbered_headings)
    number_heading (self, block);

  cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, text);

  return block;
}

/**
 * cf_doc_model_add_list:
 * @numbered: numbers rather than bullets
 *
 * Items are added with cf_doc_list_add_item().
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_list (CfDocModel *self,
                       gboolean    numbered)
{
  CfDocBlock *block = cf_doc_model_add_block (self, CF_DOC_BLOCK_LIST);

  g_return_val_if_fail (block != NULL, NULL);

  block->numbered = !!numbered;

  return block;
}

/**
 * cf_doc_model_add_table:
 * @n_columns: at least 1
 * @relative_widths: (nullable) (array length=n_columns): the columns'
 *   shares of the text width, in any unit; %NULL for equal columns
 *
 * Fill the table with cf_doc_table_add_header_cell(),
 * cf_doc_table_add_row() and cf_doc_table_add_cell().
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_table (CfDocModel   *self,
                        guint         n_columns,
                        const double *relative_widths)
{
  CfDocBlock *block;
  double total = 0;

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block = cf_doc_model_add_block (self, CF_DOC_BLOCK_TABLE);
  block->n_columns = n_columns;
  block->widths = g_new (double, n_columns);
  block->header = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < n_columns; i++)
    {
      gboolean given = relative_widths != NULL && relative_widths[i] > 0;

      block->widths[i] = given ? relative_widths[i] : 1.0;
      total += block->widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    block->widths[i] /= total;

  return block;
}

/**
 * cf_doc_model_add_image:
 * @png: a PNG file's content
 * @caption: (nullable): shown under the picture
 *
 * The picture is shown as large as it fits, but never larger than its
 * pixels at 144 dpi.
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_image (CfDocModel *self,
                        GBytes     *png,
                        const char *caption)
{
  CfDocBlock *block;

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);
  g_return_val_if_fail (png != NULL, NULL);

  block = cf_doc_model_add_block (self, CF_DOC_BLOCK_IMAGE);
  block->png = g_bytes_ref (png);
  cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, caption);

  return block;
}

/**
 * cf_doc_model_add_toc:
 *
 * Adds the table of contents: every heading of levels 1 and 2 with the
 * page it is on. Runs added to the block become its title, in the
 * document's language; without them it is titled "Contents" in the user
 * interface's.
 *
 * Returns: (transfer none): the block
 */
CfDocBlock *
cf_doc_model_add_toc (CfDocModel *self)
{
  return cf_doc_model_add_block (self, CF_DOC_BLOCK_TOC);
}

void
cf_doc_block_add_run (CfDocBlock *block,
                      CfDocStyle  style,
                      const char *text)
{
  g_return_if_fail (block != NULL);

  if (text == NULL || *text == '\0')
    return;

  g_ptr_array_add (block->runs, run_new (style, text));
}

/**
 * cf_doc_block_add_row:
 *
 * Returns: (transfer none): a new row of a key-value or signature block
 */
CfDocRow *
cf_doc_block_add_row (CfDocBlock *block,
                      const char *key)
{
  CfDocRow *row;

  g_return_val_if_fail (block != NULL, NULL);

  row = row_new (key);
  g_ptr_array_add (block->rows, row);

  return row;
}

/**
 * cf_doc_list_add_item:
 *
 * Returns: (transfer none): the new item, to add runs to with
 *   cf_doc_row_add_run()
 */
CfDocRow *
cf_doc_list_add_item (CfDocBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block->kind == CF_DOC_BLOCK_LIST, NULL);

  return cf_doc_block_add_row (block, NULL);
}

/**
 * cf_doc_table_add_header_cell:
 *
 * Adds the next cell of the header row, which is repeated at the top of
 * every page the table runs on.
 */
void
cf_doc_table_add_header_cell (CfDocBlock *block,
                              const char *text)
{
  CfDocRow *cell;

  g_return_if_fail (block != NULL);
  g_return_if_fail (block->kind == CF_DOC_BLOCK_TABLE);
  g_return_if_fail (block->header->len < block->n_columns);

  cell = row_new (NULL);
  cf_doc_row_add_run (cell, CF_DOC_STYLE_NORMAL, text);
  g_ptr_array_add (block->header, cell);
}

/**
 * cf_doc_table_add_row:
 *
 * Ends the current row, leaving its missing cells empty; the next cell
 * starts a new row. A row that is full ends by itself.
 */
void
cf_doc_table_add_row (CfDocBlock *block)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (block->kind == CF_DOC_BLOCK_TABLE);

  while (block->rows->len % block->n_columns != 0)
    g_ptr_array_add (block->rows, row_new (NULL));
}

/**
 * cf_doc_table_add_cell:
 *
 * Returns: (transfer none): the next cell of the current row, to add runs
 *   to with cf_doc_row_add_run()
 */
CfDocRow *
cf_doc_table_add_cell (CfDocBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block->kind == CF_DOC_BLOCK_TABLE, NULL);

  return cf_doc_block_add_row (block, NULL);
}

guint
cf_doc_table_get_n_rows (CfDocBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  g_return_val_if_fail (block->kind == CF_DOC_BLOCK_TABLE, 0);

  return (block->rows->len + block->n_columns - 1) / block->n_columns;
}

void
cf_doc_row_add_run (CfDocRow   *row,
                    CfDocStyle  style,
                    const char *text)
{
  g_return_if_fail (row != NULL);

  if (text == NULL || *text == '\0')
    return;

  g_ptr_array_add (row->runs, run_new (style, text));
}

static void
append_runs (GString   *out,
             GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, ((CfDocRun *) g_ptr_array_index (runs, i))->text);
}

/**
 * cf_doc_block_dup_text:
 *
 * Returns: (transfer full): the block's runs as one string; a numbered
 *   heading's starts with its number
 */
char *
cf_doc_block_dup_text (CfDocBlock *block)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (block != NULL, NULL);

  if (block->number != NULL)
    g_string_append_printf (out, "%s ", block->number);
  append_runs (out, block->runs);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_table_row (GString   *out,
                  GPtrArray *cells,
                  guint      first,
                  guint      n)
{
  for (guint i = first; i < first + n && i < cells->len; i++)
    {
      if (i > first)
        g_string_append (out, " | ");
      append_runs (out, ((CfDocRow *) g_ptr_array_index (cells, i))->runs);
    }
  g_string_append_c (out, '\n');
}

/**
 * cf_doc_model_to_text:
 *
 * Returns: (transfer full): the document as plain text, block by block, for
 *   previews and tests
 */
char *
cf_doc_model_to_text (CfDocModel *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CfDocBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->number != NULL)
        g_string_append_printf (out, "%s ", block->number);
      append_runs (out, block->runs);
      if (block->runs->len > 0 || block->number != NULL)
        g_string_append_c (out, '\n');

      if (block->kind == CF_DOC_BLOCK_TABLE)
        {
          if (block->header->len > 0)
            append_table_row (out, block->header, 0, block->header->len);
          for (guint j = 0; j < block->rows->len; j += block->n_columns)
            append_table_row (out, block->rows, j, block->n_columns);
          continue;
        }

      for (guint j = 0; j < block->rows->len; j++)
        {
          CfDocRow *row = g_ptr_array_index (block->rows, j);

          if (block->kind == CF_DOC_BLOCK_LIST)
            {
              if (block->numbered)
                g_string_append_printf (out, "%u. ", j + 1);
              else
                g_string_append (out, "• ");
            }
          else if (row->key != NULL)
            {
              /* Keys that end in a colon already ("Signed for and on behalf
               * of:", Annex V's own wording) get no second one. */
              g_string_append (out, row->key);
              g_string_append (out, g_str_has_suffix (row->key, ":") ? " " : ": ");
            }
          append_runs (out, row->runs);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Text of a run or a label, escaped; line breaks become <br>. Not
 * g_markup_escape_text(): its &apos; is XML, which HTML 4 readers such as
 * LibreOffice's show as it is. */
static void
append_html_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "<br>\n"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
append_html_runs (GString   *out,
                  GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      CfDocRun *run = g_ptr_array_index (runs, i);
      static const char * const tags[][2] = {
        [CF_DOC_STYLE_NORMAL] = { "", "" },
        [CF_DOC_STYLE_BOLD] = { "<strong>", "</strong>" },
        [CF_DOC_STYLE_ITALIC] = { "<em>", "</em>" },
        [CF_DOC_STYLE_PLACEHOLDER] = { "<span class=\"placeholder\">", "</span>" },
        [CF_DOC_STYLE_QUOTE] = { "<span class=\"quote\">", "</span>" },
        [CF_DOC_STYLE_CODE] = { "<code>", "</code>" },
      };
      guint style = run->style < G_N_ELEMENTS (tags) ? run->style : CF_DOC_STYLE_NORMAL;

      g_string_append (out, tags[style][0]);
      append_html_text (out, run->text);
      g_string_append (out, tags[style][1]);
    }
}

/* Key-value, signature and title page rows: a two-column table. */
static void
append_html_rows (GString    *out,
                  GPtrArray  *rows,
                  const char *class)
{
  g_string_append_printf (out, "<table class=\"%s\">\n", class);
  for (guint i = 0; i < rows->len; i++)
    {
      CfDocRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, "<tr><th>");
      append_html_text (out, row->key ? row->key : "");
      g_string_append (out, "</th><td>");
      append_html_runs (out, row->runs);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
append_html_table (GString    *out,
                   CfDocBlock *block)
{
  g_string_append (out, "<table class=\"grid\" border=\"1\" cellpadding=\"3\">\n<colgroup>");
  for (guint i = 0; i < block->n_columns; i++)
    g_string_append_printf (out, "<col style=\"width: %.1f%%\">", block->widths[i] * 100);
  g_string_append (out, "</colgroup>\n");

  if (block->header->len > 0)
    {
      g_string_append (out, "<thead><tr>");
      for (guint i = 0; i < block->header->len; i++)
        {
          g_string_append (out, "<th>");
          append_html_runs (out, ((CfDocRow *) g_ptr_array_index (block->header, i))->runs);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n");
    }

  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < block->rows->len; i += block->n_columns)
    {
      g_string_append (out, "<tr>");
      for (guint j = i; j < i + block->n_columns && j < block->rows->len; j++)
        {
          g_string_append (out, "<td>");
          append_html_runs (out, ((CfDocRow *) g_ptr_array_index (block->rows, j))->runs);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* As large as the renderer shows it: its pixels at 144 dpi, at most the
 * text width (170 mm), in CSS pixels of 1/96 inch. */
static guint
html_image_width (GBytes *png)
{
  gsize size;
  const guchar *data = g_bytes_get_data (png, &size);
  guint32 pixels;

  /* The width is the first field of the IHDR chunk, which comes first. */
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return 642;
  pixels = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];

  return MIN (pixels * 96 / 144, 642);
}

static void
append_html_image (GString    *out,
                   CfDocBlock *block)
{
  gsize size;
  const guchar *data = g_bytes_get_data (block->png, &size);
  g_autofree char *base64 = g_base64_encode (data, size);

  g_string_append_printf (out, "<figure>\n<img alt=\"\" width=\"%u\" src=\"data:image/png;base64,",
                          html_image_width (block->png));
  g_string_append (out, base64);
  g_string_append (out, "\">\n");
  if (block->runs->len > 0)
    {
      g_string_append (out, "<figcaption>");
      append_html_runs (out, block->runs);
      g_string_append (out, "</figcaption>\n");
    }
  g_string_append (out, "</figure>\n");
}

/* The renderer puts page numbers in the contents; a web page has none, so
 * the headings link to their sections instead. */
static void
append_html_toc (GString    *out,
                 CfDocModel *self,
                 CfDocBlock *toc)
{
  g_string_append (out, "<nav>\n<h2 class=\"toc\">");
  if (toc->runs->len > 0)
    append_html_runs (out, toc->runs);
  else
    g_string_append (out, "Contents");
  g_string_append (out, "</h2>\n<ul class=\"toc\">\n");

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CfDocBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind != CF_DOC_BLOCK_HEADING || block->level > 2)
        continue;
      g_string_append_printf (out, "<li class=\"level%u\"><a href=\"#b%u\">",
                              MAX (block->level, 1), i);
      if (block->number != NULL)
        g_string_append_printf (out, "%s ", block->number);
      append_html_runs (out, block->runs);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n");
}

/**
 * cf_doc_model_to_html:
 *
 * The document as one self-contained HTML page: numbered headings, tables
 * with their header rows, lists, and pictures inlined as data: URIs. It is
 * not what Conformity issues, only the same content for other tools, such
 * as the benchmark that converts it with LibreOffice (docs/PERFORMANCE.md).
 *
 * Returns: (transfer full): UTF-8 HTML
 */
char *
cf_doc_model_to_html (CfDocModel *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CF_IS_DOC_MODEL (self), NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_html_text (out, self->language ? self->language : "en");
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_html_text (out, self->title ? self->title : "");
  g_string_append (out,
                   "</title>\n<style>\n"
                   "@page { size: A4; margin: 20mm; }\n"
                   "body { font-family: sans-serif; font-size: 10pt; }\n"
                   "table { border-collapse: collapse; width: 100%; }\n"
                   "table.grid td, table.grid th { border: 1px solid #999; padding: 3px; "
                   "vertical-align: top; }\n"
                   "table.kv th { text-align: left; width: 30%; vertical-align: top; }\n"
                   ".notice { border: 1px solid #000; padding: 6px; }\n"
                   ".placeholder { color: #b00; font-style: italic; }\n"
                   ".quote { font-style: italic; }\n"
                   "img { max-width: 100%; }\n"
                   "</style>\n</head>\n<body>\n");

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CfDocBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case CF_DOC_BLOCK_TITLE:
          g_string_append (out, "<h1 class=\"title\">");
          append_html_runs (out, block->runs);
          g_string_append (out, "</h1>\n");
          break;

        case CF_DOC_BLOCK_SUBTITLE:
          g_string_append (out, "<p class=\"subtitle\">");
          append_html_runs (out, block->runs);
          g_string_append (out, "</p>\n");
          /* The title page's rows come under its title and subtitle. */
          if (self->title_page && self->title_page_rows->len > 0)
            append_html_rows (out, self->title_page_rows, "kv");
          break;

        case CF_DOC_BLOCK_HEADING:
          {
            guint level = CLAMP (block->level, 1, MAX_HEADING_LEVEL);

            g_string_append_printf (out, "<h%u id=\"b%u\">", level, i);
            if (block->number != NULL)
              g_string_append_printf (out, "%s ", block->number);
            append_html_runs (out, block->runs);
            g_string_append_printf (out, "</h%u>\n", level);
          }
          break;

        case CF_DOC_BLOCK_PARAGRAPH:
          g_string_append (out, "<p>");
          append_html_runs (out, block->runs);
          g_string_append (out, "</p>\n");
          break;

        case CF_DOC_BLOCK_NOTICE:
          g_string_append (out, "<p class=\"notice\">");
          append_html_runs (out, block->runs);
          g_string_append (out, "</p>\n");
          break;

        case CF_DOC_BLOCK_KEY_VALUE:
          append_html_rows (out, block->rows, "kv");
          break;

        case CF_DOC_BLOCK_SIGNATURE:
          append_html_rows (out, block->rows, "kv signature");
          break;

        case CF_DOC_BLOCK_LIST:
          g_string_append (out, block->numbered ? "<ol>\n" : "<ul>\n");
          for (guint j = 0; j < block->rows->len; j++)
            {
              g_string_append (out, "<li>");
              append_html_runs (out, ((CfDocRow *) g_ptr_array_index (block->rows, j))->runs);
              g_string_append (out, "</li>\n");
            }
          g_string_append (out, block->numbered ? "</ol>\n" : "</ul>\n");
          break;

        case CF_DOC_BLOCK_TABLE:
          append_html_table (out, block);
          break;

        case CF_DOC_BLOCK_IMAGE:
          append_html_image (out, block);
          break;

        case CF_DOC_BLOCK_TOC:
          append_html_toc (out, self, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
