/* cf-context.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-context"

#include "config.h"

#include "cf-context.h"

/* Passed to every widget as a construct-only property instead of living in
 * globals, so a test can build a window over any database it likes. */
struct _CfContext
{
  GObject      parent_instance;

  CfStore     *store;
  CfCatalogue *catalogue;
  CfGenerator *generator;
  CfClassifier *classifier;
};

G_DEFINE_FINAL_TYPE (CfContext, cf_context, G_TYPE_OBJECT)

static void
cf_context_dispose (GObject *object)
{
  CfContext *self = CF_CONTEXT (object);

  g_clear_object (&self->generator);
  g_clear_object (&self->classifier);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cf_context_parent_class)->dispose (object);
}

static void
cf_context_class_init (CfContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_context_dispose;
}

static void
cf_context_init (CfContext *self)
{
}

CfContext *
cf_context_new (CfStore     *store,
                CfCatalogue *catalogue)
{
  CfContext *self;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (CF_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->catalogue = g_object_ref (catalogue);
  self->generator = cf_generator_new (store, catalogue);
  self->classifier = cf_classifier_new (catalogue);

  return self;
}

CfStore *
cf_context_get_store (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);
  return self->store;
}

CfCatalogue *
cf_context_get_catalogue (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);
  return self->catalogue;
}

CfGenerator *
cf_context_get_generator (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);
  return self->generator;
}

CfClassifier *
cf_context_get_classifier (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);
  return self->classifier;
}
