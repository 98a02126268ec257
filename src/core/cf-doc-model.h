/* cf-doc-model.h — a document as a list of blocks, before it becomes a PDF
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CF_DOC_BLOCK_TITLE,       /* the document's title, large and centred */
  CF_DOC_BLOCK_SUBTITLE,    /* a line under the title */
  CF_DOC_BLOCK_HEADING,     /* a numbered point or section; becomes a bookmark */
  CF_DOC_BLOCK_PARAGRAPH,
  CF_DOC_BLOCK_NOTICE,      /* a boxed paragraph that must not be overlooked */
  CF_DOC_BLOCK_KEY_VALUE,   /* a two-column table of labels and values */
  CF_DOC_BLOCK_SIGNATURE,   /* lines to sign on, kept together on one page */
  CF_DOC_BLOCK_LIST,        /* bulleted or numbered items, one CfDocRow each */
  CF_DOC_BLOCK_TABLE,       /* columns of cells, with a header row repeated on every page */
  CF_DOC_BLOCK_IMAGE,       /* a PNG picture with a caption */
  CF_DOC_BLOCK_TOC,         /* the table of contents, filled in by the renderer */
} CfDocBlockKind;

typedef enum
{
  CF_DOC_STYLE_NORMAL,
  CF_DOC_STYLE_BOLD,
  CF_DOC_STYLE_ITALIC,
  CF_DOC_STYLE_PLACEHOLDER, /* a required value that is still missing */
  CF_DOC_STYLE_QUOTE,       /* the regulation's wording, set apart */
  CF_DOC_STYLE_CODE,        /* hashes, identifiers, file names: monospaced */
} CfDocStyle;

typedef struct
{
  CfDocStyle  style;
  char       *text;
} CfDocRun;

/* A row of a key-value or signature block, an item of a list, or a cell of
 * a table; only key-value and signature rows have a key. */
typedef struct
{
  char      *key;
  GPtrArray *runs;          /* of CfDocRun */
} CfDocRow;

/* Blocks are made and owned by the model; fields a kind does not use stay
 * empty. */
typedef struct
{
  CfDocBlockKind  kind;
  GPtrArray      *runs;     /* of CfDocRun: title, subtitle, heading, paragraph, notice;
                             * an image's caption; the table of contents' own title */
  GPtrArray      *rows;     /* of CfDocRow: key-value and signature rows, list items, and a
                             * table's cells row by row, n_columns to a row */

  guint           level;    /* heading: 1 to 3, or 0 when added with cf_doc_model_add_block() */
  char           *number;   /* heading: "1.2.1" when the model numbers headings, else NULL */
  gboolean        numbered; /* list: 1. 2. 3. rather than bullets */
  guint           n_columns;/* table */
  double         *widths;   /* table: n_columns relative widths that add up to 1 */
  GPtrArray      *header;   /* table: of CfDocRow, the header row's cells */
  GBytes         *png;      /* image */
} CfDocBlock;

#define CF_TYPE_DOC_MODEL (cf_doc_model_get_type ())

G_DECLARE_FINAL_TYPE (CfDocModel, cf_doc_model, CF, DOC_MODEL, GObject)

CfDocModel  *cf_doc_model_new                     (const char     *title);
const char  *cf_doc_model_get_title               (CfDocModel     *self);
const char  *cf_doc_model_get_author              (CfDocModel     *self);
void         cf_doc_model_set_author              (CfDocModel     *self,
                                                   const char     *author);
const char  *cf_doc_model_get_subject             (CfDocModel     *self);
void         cf_doc_model_set_subject             (CfDocModel     *self,
                                                   const char     *subject);
const char  *cf_doc_model_get_keywords            (CfDocModel     *self);
void         cf_doc_model_set_keywords            (CfDocModel     *self,
                                                   const char     *keywords);
const char  *cf_doc_model_get_language            (CfDocModel     *self);
void         cf_doc_model_set_language            (CfDocModel     *self,
                                                   const char     *language);
const char  *cf_doc_model_get_running_head        (CfDocModel     *self);
void         cf_doc_model_set_running_head        (CfDocModel     *self,
                                                   const char     *running_head);
const char  *cf_doc_model_get_running_head_left   (CfDocModel     *self);
const char  *cf_doc_model_get_running_head_right  (CfDocModel     *self);
void         cf_doc_model_set_running_head_parts  (CfDocModel     *self,
                                                   const char     *left,
                                                   const char     *right);
const char  *cf_doc_model_get_footer              (CfDocModel     *self);
void         cf_doc_model_set_footer              (CfDocModel     *self,
                                                   const char     *footer);
const char  *cf_doc_model_get_page_label_format   (CfDocModel     *self);
void         cf_doc_model_set_page_label_format   (CfDocModel     *self,
                                                   const char     *format);
const char  *cf_doc_model_get_watermark           (CfDocModel     *self);
void         cf_doc_model_set_watermark           (CfDocModel     *self,
                                                   const char     *watermark);
GDateTime   *cf_doc_model_get_created             (CfDocModel     *self);
void         cf_doc_model_set_created             (CfDocModel     *self,
                                                   GDateTime      *created);

gboolean     cf_doc_model_get_title_page          (CfDocModel     *self);
void         cf_doc_model_set_title_page          (CfDocModel     *self,
                                                   gboolean        title_page);
GPtrArray   *cf_doc_model_get_title_page_rows     (CfDocModel     *self);
CfDocRow    *cf_doc_model_add_title_page_row      (CfDocModel     *self,
                                                   const char     *key,
                                                   const char     *value);

gboolean     cf_doc_model_get_numbered_headings   (CfDocModel     *self);
void         cf_doc_model_set_numbered_headings   (CfDocModel     *self,
                                                   gboolean        numbered);

guint        cf_doc_model_get_n_blocks            (CfDocModel     *self);
CfDocBlock  *cf_doc_model_get_block               (CfDocModel     *self,
                                                   guint           index);

CfDocBlock  *cf_doc_model_add_block               (CfDocModel     *self,
                                                   CfDocBlockKind  kind);
CfDocBlock  *cf_doc_model_add_text                (CfDocModel     *self,
                                                   CfDocBlockKind  kind,
                                                   const char     *text);
CfDocBlock  *cf_doc_model_add_heading             (CfDocModel     *self,
                                                   guint           level,
                                                   const char     *text);
CfDocBlock  *cf_doc_model_add_list                (CfDocModel     *self,
                                                   gboolean        numbered);
CfDocBlock  *cf_doc_model_add_table               (CfDocModel     *self,
                                                   guint           n_columns,
                                                   const double   *relative_widths);
CfDocBlock  *cf_doc_model_add_image               (CfDocModel     *self,
                                                   GBytes         *png,
                                                   const char     *caption);
CfDocBlock  *cf_doc_model_add_toc                 (CfDocModel     *self);

void         cf_doc_block_add_run                 (CfDocBlock     *block,
                                                   CfDocStyle      style,
                                                   const char     *text);
CfDocRow    *cf_doc_block_add_row                 (CfDocBlock     *block,
                                                   const char     *key);
CfDocRow    *cf_doc_list_add_item                 (CfDocBlock     *block);
void         cf_doc_table_add_header_cell         (CfDocBlock     *block,
                                                   const char     *text);
void         cf_doc_table_add_row                 (CfDocBlock     *block);
CfDocRow    *cf_doc_table_add_cell                (CfDocBlock     *block);
guint        cf_doc_table_get_n_rows              (CfDocBlock     *block);
void         cf_doc_row_add_run                   (CfDocRow       *row,
                                                   CfDocStyle      style,
                                                   const char     *text);
char        *cf_doc_block_dup_text                (CfDocBlock     *block);
char        *cf_doc_model_to_text                 (CfDocModel     *self);
char        *cf_doc_model_to_html                 (CfDocModel     *self);

G_END_DECLS
