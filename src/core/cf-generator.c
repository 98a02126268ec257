/* cf-generator.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-generator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-error.h"
#include "cf-generator.h"
#include "cf-pdf-renderer.h"
#include "cf-product-status.h"

struct _CfGenerator
{
  GObject      parent_instance;

  CfStore     *store;
  CfCatalogue *catalogue;
};

G_DEFINE_FINAL_TYPE (CfGenerator, cf_generator, G_TYPE_OBJECT)

typedef struct
{
  gint64  product_id;
  char   *kind;
} GenerateData;

static void
generate_data_free (gpointer data)
{
  GenerateData *gd = data;

  g_free (gd->kind);
  g_free (gd);
}

/* Builds the declaration from what is stored now; @is_draft tells whether
 * anything a final declaration needs is still missing. */
static CfDocModel *
build_declaration (CfGenerator  *self,
                   gint64        product_id,
                   gint          version,
                   gboolean     *is_draft,
                   GError      **error)
{
  g_autoptr(CfProductStatus) status = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) missing = NULL;
  CfDeclarationFacts facts;

  status = cf_product_status_load (self->store, self->catalogue, product_id, NULL, error);
  if (status == NULL)
    return NULL;

  manufacturer = cf_store_get_manufacturer (self->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  info = cf_store_get_declaration_info (self->store, product_id, error);
  if (info == NULL)
    return NULL;

  facts = cf_product_status_get_facts (status, self->catalogue);
  missing = cf_declaration_list_missing (manufacturer, status->product, info, &facts);
  *is_draft = missing[0] != NULL;

  return cf_declaration_build (self->catalogue, manufacturer, status->product, info, &facts,
                               version, now, error);
}

static void
cf_generator_dispose (GObject *object)
{
  CfGenerator *self = CF_GENERATOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (cf_generator_parent_class)->dispose (object);
}

static void
cf_generator_class_init (CfGeneratorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_generator_dispose;
}

static void
cf_generator_init (CfGenerator *self)
{
}

CfGenerator *
cf_generator_new (CfStore     *store,
                  CfCatalogue *catalogue)
{
  CfGenerator *self;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (CF_TYPE_GENERATOR, NULL);
  self->store = g_object_ref (store);
  self->catalogue = g_object_ref (catalogue);

  return self;
}

/**
 * cf_generator_generate:
 * @kind: a document kind, e.g. %CF_DOCUMENT_KIND_DECLARATION
 *
 * Builds the document from what is stored now, renders it to PDF and stores
 * it as a new version with its SHA-256. Nothing is stored when any step
 * fails or @cancellable is cancelled. Runs in the calling thread.
 *
 * Returns: (transfer full): the stored document, or %NULL with @error set
 */
CfDocumentInfo *
cf_generator_generate (CfGenerator   *self,
                       gint64         product_id,
                       const char    *kind,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gboolean is_draft = FALSE;
  gint version;

  g_return_val_if_fail (CF_IS_GENERATOR (self), NULL);

  if (g_strcmp0 (kind, CF_DOCUMENT_KIND_DECLARATION) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a kind of document Conformity can generate (known: %s)."),
                   kind ? kind : "", CF_DOCUMENT_KIND_DECLARATION);
      return NULL;
    }

  version = cf_store_next_document_version (self->store, product_id, kind, error);
  if (version == 0)
    return NULL;

  model = build_declaration (self, product_id, version, &is_draft, error);
  if (model == NULL)
    return NULL;

  pdf = cf_pdf_render (model, cancellable, error);
  if (pdf == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return cf_store_add_document (self->store, product_id, kind, version, is_draft, pdf, error);
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CfGenerator *self = source_object;
  GenerateData *gd = task_data;
  g_autoptr(GError) error = NULL;
  CfDocumentInfo *info;

  info = cf_generator_generate (self, gd->product_id, gd->kind, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, g_object_unref);
}

/**
 * cf_generator_generate_async:
 *
 * Like cf_generator_generate(), in a worker thread.
 */
void
cf_generator_generate_async (CfGenerator         *self,
                             gint64               product_id,
                             const char          *kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GenerateData *gd;

  g_return_if_fail (CF_IS_GENERATOR (self));

  gd = g_new0 (GenerateData, 1);
  gd->product_id = product_id;
  gd->kind = g_strdup (kind);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_generator_generate_async);
  g_task_set_task_data (task, gd, generate_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, generate_thread);
}

/**
 * cf_generator_generate_finish:
 *
 * Returns: (transfer full): the stored document, or %NULL with @error set
 */
CfDocumentInfo *
cf_generator_generate_finish (CfGenerator   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CF_IS_GENERATOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
