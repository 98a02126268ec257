/* cf-doc-model.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-doc-model"

#include "config.h"

#include "cf-doc-model.h"

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
  char      *running_head;
  char      *footer;
  char      *watermark;
  GDateTime *created;
  GPtrArray *blocks;        /* of CfDocBlock */
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
  g_free (block);
}

static void
cf_doc_model_finalize (GObject *object)
{
  CfDocModel *self = CF_DOC_MODEL (object);

  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->running_head);
  g_free (self->footer);
  g_free (self->watermark);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_ptr_array_unref (self->blocks);

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
STRING_ACCESSORS (running_head)
STRING_ACCESSORS (footer)
STRING_ACCESSORS (watermark)

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

void
cf_doc_block_add_run (CfDocBlock *block,
                      CfDocStyle  style,
                      const char *text)
{
  CfDocRun *run;

  g_return_if_fail (block != NULL);

  if (text == NULL || *text == '\0')
    return;

  run = g_new0 (CfDocRun, 1);
  run->style = style;
  run->text = g_strdup (text);
  g_ptr_array_add (block->runs, run);
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

  row = g_new0 (CfDocRow, 1);
  row->key = g_strdup (key);
  row->runs = g_ptr_array_new_with_free_func (run_free);
  g_ptr_array_add (block->rows, row);

  return row;
}

void
cf_doc_row_add_run (CfDocRow   *row,
                    CfDocStyle  style,
                    const char *text)
{
  CfDocRun *run;

  g_return_if_fail (row != NULL);

  if (text == NULL || *text == '\0')
    return;

  run = g_new0 (CfDocRun, 1);
  run->style = style;
  run->text = g_strdup (text);
  g_ptr_array_add (row->runs, run);
}

static void
append_runs (GString   *out,
             GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, ((CfDocRun *) g_ptr_array_index (runs, i))->text);
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

      append_runs (out, block->runs);
      if (block->runs->len > 0)
        g_string_append_c (out, '\n');

      for (guint j = 0; j < block->rows->len; j++)
        {
          CfDocRow *row = g_ptr_array_index (block->rows, j);

          if (row->key != NULL)
            g_string_append_printf (out, "%s: ", row->key);
          append_runs (out, row->runs);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
