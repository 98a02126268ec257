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
} CfDocBlockKind;

typedef enum
{
  CF_DOC_STYLE_NORMAL,
  CF_DOC_STYLE_BOLD,
  CF_DOC_STYLE_ITALIC,
  CF_DOC_STYLE_PLACEHOLDER, /* a required value that is still missing */
  CF_DOC_STYLE_QUOTE,       /* the regulation's wording, set apart */
} CfDocStyle;

typedef struct
{
  CfDocStyle  style;
  char       *text;
} CfDocRun;

typedef struct
{
  char      *key;
  GPtrArray *runs;          /* of CfDocRun */
} CfDocRow;

typedef struct
{
  CfDocBlockKind  kind;
  GPtrArray      *runs;     /* of CfDocRun: title, subtitle, heading, paragraph, notice */
  GPtrArray      *rows;     /* of CfDocRow: key-value and signature blocks */
} CfDocBlock;

#define CF_TYPE_DOC_MODEL (cf_doc_model_get_type ())

G_DECLARE_FINAL_TYPE (CfDocModel, cf_doc_model, CF, DOC_MODEL, GObject)

CfDocModel  *cf_doc_model_new              (const char  *title);
const char  *cf_doc_model_get_title        (CfDocModel  *self);
const char  *cf_doc_model_get_author       (CfDocModel  *self);
void         cf_doc_model_set_author       (CfDocModel  *self,
                                            const char  *author);
const char  *cf_doc_model_get_subject      (CfDocModel  *self);
void         cf_doc_model_set_subject      (CfDocModel  *self,
                                            const char  *subject);
const char  *cf_doc_model_get_keywords     (CfDocModel  *self);
void         cf_doc_model_set_keywords     (CfDocModel  *self,
                                            const char  *keywords);
const char  *cf_doc_model_get_running_head (CfDocModel  *self);
void         cf_doc_model_set_running_head (CfDocModel  *self,
                                            const char  *running_head);
const char  *cf_doc_model_get_footer       (CfDocModel  *self);
void         cf_doc_model_set_footer       (CfDocModel  *self,
                                            const char  *footer);
const char  *cf_doc_model_get_watermark    (CfDocModel  *self);
void         cf_doc_model_set_watermark    (CfDocModel  *self,
                                            const char  *watermark);
GDateTime   *cf_doc_model_get_created      (CfDocModel  *self);
void         cf_doc_model_set_created      (CfDocModel  *self,
                                            GDateTime   *created);

guint        cf_doc_model_get_n_blocks     (CfDocModel  *self);
CfDocBlock  *cf_doc_model_get_block        (CfDocModel  *self,
                                            guint        index);

CfDocBlock  *cf_doc_model_add_block        (CfDocModel    *self,
                                            CfDocBlockKind kind);
CfDocBlock  *cf_doc_model_add_text         (CfDocModel    *self,
                                            CfDocBlockKind kind,
                                            const char    *text);
void         cf_doc_block_add_run          (CfDocBlock    *block,
                                            CfDocStyle     style,
                                            const char    *text);
CfDocRow    *cf_doc_block_add_row          (CfDocBlock    *block,
                                            const char    *key);
void         cf_doc_row_add_run            (CfDocRow      *row,
                                            CfDocStyle     style,
                                            const char    *text);
char        *cf_doc_model_to_text          (CfDocModel    *self);

G_END_DECLS
