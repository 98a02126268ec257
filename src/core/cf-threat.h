/* cf-threat.h — one entry of the risk register
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cf-risk.h"

G_BEGIN_DECLS

#define CF_TYPE_THREAT (cf_threat_get_type ())

G_DECLARE_FINAL_TYPE (CfThreat, cf_threat, CF, THREAT, GObject)

CfThreat   *cf_threat_new                     (void);
CfThreat   *cf_threat_copy                    (CfThreat    *self);

gint64      cf_threat_get_id                  (CfThreat    *self);
void        cf_threat_set_id                  (CfThreat    *self,
                                               gint64       id);
gint        cf_threat_get_number              (CfThreat    *self);
void        cf_threat_set_number              (CfThreat    *self,
                                               gint         number);
char       *cf_threat_dup_label               (CfThreat    *self);
const char *cf_threat_get_asset               (CfThreat    *self);
void        cf_threat_set_asset               (CfThreat    *self,
                                               const char  *asset);
const char *cf_threat_get_title               (CfThreat    *self);
void        cf_threat_set_title               (CfThreat    *self,
                                               const char  *title);
const char *cf_threat_get_description         (CfThreat    *self);
void        cf_threat_set_description         (CfThreat    *self,
                                               const char  *description);
const char *cf_threat_get_stride              (CfThreat    *self);
void        cf_threat_set_stride              (CfThreat    *self,
                                               const char  *stride);
gint        cf_threat_get_likelihood          (CfThreat    *self);
void        cf_threat_set_likelihood          (CfThreat    *self,
                                               gint         likelihood);
gint        cf_threat_get_impact              (CfThreat    *self);
void        cf_threat_set_impact              (CfThreat    *self,
                                               gint         impact);
gint        cf_threat_get_inherent_score      (CfThreat    *self);
const char *cf_threat_get_mitigations         (CfThreat    *self);
void        cf_threat_set_mitigations         (CfThreat    *self,
                                               const char  *mitigations);
gboolean    cf_threat_has_residual            (CfThreat    *self);
gint        cf_threat_get_residual_likelihood (CfThreat    *self);
gint        cf_threat_get_residual_impact     (CfThreat    *self);
void        cf_threat_set_residual            (CfThreat    *self,
                                               gint         likelihood,
                                               gint         impact);
gint        cf_threat_get_residual_score      (CfThreat    *self);
const char *cf_threat_get_treatment           (CfThreat    *self);
void        cf_threat_set_treatment           (CfThreat    *self,
                                               const char  *treatment);
const char *cf_threat_get_treatment_reason    (CfThreat    *self);
void        cf_threat_set_treatment_reason    (CfThreat    *self,
                                               const char  *reason);
const char *cf_threat_get_accepted_by         (CfThreat    *self);
void        cf_threat_set_accepted_by         (CfThreat    *self,
                                               const char  *accepted_by);
const char *cf_threat_get_accepted_at         (CfThreat    *self);
void        cf_threat_set_accepted_at         (CfThreat    *self,
                                               const char  *accepted_at);
gboolean    cf_threat_is_accepted             (CfThreat    *self);
const char *cf_threat_get_updated_at          (CfThreat    *self);
void        cf_threat_set_updated_at          (CfThreat    *self,
                                               const char  *updated_at);

void        cf_threat_normalize               (CfThreat    *self);
gboolean    cf_threat_validate                (CfThreat    *self,
                                               CfRiskModel *model,
                                               GError     **error);
gboolean    cf_threat_equal                   (CfThreat    *a,
                                               CfThreat    *b);

G_END_DECLS
