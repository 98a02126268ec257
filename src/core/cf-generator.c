/* cf-generator.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-generator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-document-input.h"
#include "cf-simplified-declaration.h"
#include "cf-technical-documentation.h"
#include "cf-user-information-document.h"
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
  gint64   product_id;
  char    *kind;
  char    *language;
  gboolean pdfa;
} GenerateData;

static void
generate_data_free (gpointer data)
{
  GenerateData *gd = data;

  g_free (gd->kind);
  g_free (gd->language);
  g_free (gd);
}

/* The declaration keeps its own signature; it only needs part of the input. */
static CfDocModel *
build_declaration (const CfDocumentInput  *input,
                   gboolean               *is_draft,
                   GError                **error)
{
  CfDeclarationFacts facts = cf_product_status_get_facts (input->status, input->catalogue);
  g_auto(GStrv) missing = cf_declaration_list_missing (input->manufacturer, input->status->product,
                                                       input->info, &facts);

  *is_draft = missing[0] != NULL;
  return cf_declaration_build_for (input->catalogue, input->manufacturer, input->status->product, input->info,
                                   &facts, input->version, input->issued, input->language, error);
}

static const struct {
  const char        *kind;
  CfDocumentBuilder  build;
} builders[] = {
  { CF_DOCUMENT_KIND_DECLARATION, build_declaration },
  { CF_DOCUMENT_KIND_SIMPLIFIED_DECLARATION, cf_simplified_declaration_build },
  { CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, cf_technical_documentation_build },
  { CF_DOCUMENT_KIND_USER_INFORMATION, cf_user_information_build },
};

static CfDocumentBuilder
find_builder (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    if (g_strcmp0 (builders[i].kind, kind) == 0)
      return builders[i].build;

  return NULL;
}

/**
 * cf_generator_can_generate:
 *
 * Returns: whether documents of @kind can be generated
 */
gboolean
cf_generator_can_generate (const char *kind)
{
  return find_builder (kind) != NULL;
}

static gboolean
read_input (CfGenerator      *self,
            CfDocumentInput  *input,
            gint64            product_id,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  input->store = self->store;
  input->catalogue = self->catalogue;
  input->product_id = product_id;
  input->status = cf_product_status_load (self->store, self->catalogue, product_id, NULL, error);
  if (input->status == NULL)
    return FALSE;

  input->manufacturer = cf_store_get_manufacturer (self->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  input->info = cf_store_get_declaration_info (self->store, product_id, error);
  if (input->info == NULL)
    return FALSE;

  input->risk_model = cf_risk_model_new (self->catalogue);
  input->issued = g_date_time_new_now_local ();
  return TRUE;
}

static void
clear_input (CfDocumentInput *input)
{
  g_clear_pointer (&input->status, cf_product_status_free);
  g_clear_object (&input->manufacturer);
  g_clear_object (&input->info);
  g_clear_pointer (&input->risk_model, cf_risk_model_free);
  g_clear_pointer (&input->issued, g_date_time_unref);
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

/* The document's language and PDF/A go to the renderer. */
static GBytes *
render (CfDocModel    *model,
        const char    *language,
        gboolean       pdfa,
        GCancellable  *cancellable,
        GError       **error)
{
  CfPdfOptions options = { pdfa };

  cf_doc_model_set_language (model, language);
  return cf_pdf_render_full (model, &options, cancellable, error);
}

/**
 * cf_generator_generate_with:
 * @kind: a document kind, e.g. %CF_DOCUMENT_KIND_DECLARATION
 * @options: (nullable): language and PDF/A; %NULL for English, plain PDF
 *
 * Builds the document from what is stored now, renders it to PDF and stores
 * it as a new version with its SHA-256 and its plain text. Nothing is
 * stored when any step fails or @cancellable is cancelled. Runs in the
 * calling thread.
 *
 * Returns: (transfer full): the stored document, or %NULL with @error set
 */
CfDocumentInfo *
cf_generator_generate_with (CfGenerator              *self,
                            gint64                    product_id,
                            const char               *kind,
                            const CfGenerateOptions  *options,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  CfDocumentInput input = { 0 };
  CfDocumentBuilder build = find_builder (kind);
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  const char *language = options && options->language ? options->language : "en";
  gboolean pdfa = options && options->pdfa;
  gboolean is_draft = FALSE;
  CfDocumentInfo *info = NULL;

  g_return_val_if_fail (CF_IS_GENERATOR (self), NULL);

  if (build == NULL)
    {
      g_autoptr(GStrvBuilder) known = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *joined = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
        g_strv_builder_add (known, builders[i].kind);
      list = g_strv_builder_end (known);
      joined = g_strjoinv (", ", list);
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a kind of document Conformity can generate (known: %s)."),
                   kind ? kind : "", joined);
      return NULL;
    }
  if (!cf_document_language_is_known (language))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not a language Conformity writes documents in (en, de or fr)."), language);
      return NULL;
    }

  input.version = cf_store_next_document_version (self->store, product_id, kind, error);
  if (input.version == 0)
    return NULL;
  input.language = language;

  if (read_input (self, &input, product_id, error))
    {
      model = build (&input, &is_draft, error);
      if (model != NULL)
        pdf = render (model, language, pdfa, cancellable, error);
      if (pdf != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          text = cf_doc_model_to_text (model);
          info = cf_store_add_document_full (self->store, product_id, kind, input.version, is_draft, language,
                                             pdfa, text, pdf, error);
        }
    }
  clear_input (&input);

  return info;
}

/**
 * cf_generator_generate:
 *
 * cf_generator_generate_with() in English, as plain PDF.
 */
CfDocumentInfo *
cf_generator_generate (CfGenerator   *self,
                       gint64         product_id,
                       const char    *kind,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return cf_generator_generate_with (self, product_id, kind, NULL, cancellable, error);
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

  CfGenerateOptions options = { gd->language, gd->pdfa };

  info = cf_generator_generate_with (self, gd->product_id, gd->kind, &options, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, g_object_unref);
}

/**
 * cf_generator_generate_with_async:
 * @options: (nullable): copied
 *
 * Like cf_generator_generate_with(), in a worker thread.
 */
void
cf_generator_generate_with_async (CfGenerator              *self,
                                  gint64                    product_id,
                                  const char               *kind,
                                  const CfGenerateOptions  *options,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  GenerateData *gd;

  g_return_if_fail (CF_IS_GENERATOR (self));

  gd = g_new0 (GenerateData, 1);
  gd->product_id = product_id;
  gd->kind = g_strdup (kind);
  gd->language = g_strdup (options ? options->language : NULL);
  gd->pdfa = options && options->pdfa;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_generator_generate_async);
  g_task_set_task_data (task, gd, generate_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, generate_thread);
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
  cf_generator_generate_with_async (self, product_id, kind, NULL, cancellable, callback, user_data);
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
