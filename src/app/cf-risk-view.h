/* cf-risk-view.h — the context of the risk assessment and the risk register
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_RISK_VIEW (cf_risk_view_get_type ())

G_DECLARE_FINAL_TYPE (CfRiskView, cf_risk_view, CF, RISK_VIEW, AdwBin)

GtkWidget  *cf_risk_view_new            (CfContext  *context);
gint64      cf_risk_view_get_product_id (CfRiskView *self);
void        cf_risk_view_set_product_id (CfRiskView *self,
                                         gint64      product_id);
GListModel *cf_risk_view_get_threats    (CfRiskView *self);
gint        cf_risk_view_get_selected   (CfRiskView *self);
gboolean    cf_risk_view_select_threat  (CfRiskView *self,
                                         gint        number);
gboolean    cf_risk_view_flush          (CfRiskView *self);
void        cf_risk_view_focus_context  (CfRiskView *self);
void        cf_risk_view_add_threat     (CfRiskView *self);

G_END_DECLS
