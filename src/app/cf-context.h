/* cf-context.h — the services a window and its pages share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-catalogue.h"
#include "cf-classifier.h"
#include "cf-generator.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_CONTEXT (cf_context_get_type ())

G_DECLARE_FINAL_TYPE (CfContext, cf_context, CF, CONTEXT, GObject)

CfContext   *cf_context_new           (CfStore     *store,
                                       CfCatalogue *catalogue);
CfStore     *cf_context_get_store     (CfContext   *self);
CfCatalogue *cf_context_get_catalogue (CfContext   *self);
CfGenerator *cf_context_get_generator (CfContext   *self);
CfClassifier *cf_context_get_classifier (CfContext *self);

G_END_DECLS
