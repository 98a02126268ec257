/* cf-window.h — the main window
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-evidence-view.h"
#include "cf-product-page.h"
#include "cf-requirements-view.h"
#include "cf-sbom-view.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow      *cf_window_new                     (GtkApplication *application,
                                                  CfContext      *context);
GListModel    *cf_window_get_products            (CfWindow       *self);
CfRequirementsView *cf_window_get_requirements_view (CfWindow *self);
CfProductPage *cf_window_get_product_page        (CfWindow       *self);
CfEvidenceView *cf_window_get_evidence_view      (CfWindow       *self);
CfSbomView    *cf_window_get_sbom_view           (CfWindow       *self);
gint64         cf_window_get_selected_product_id (CfWindow       *self);

G_END_DECLS
