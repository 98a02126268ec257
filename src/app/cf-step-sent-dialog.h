/* cf-step-sent-dialog.h — recording that an Article 14 report was submitted
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-deadline.h"

G_BEGIN_DECLS

#define CF_TYPE_STEP_SENT_DIALOG (cf_step_sent_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfStepSentDialog, cf_step_sent_dialog, CF, STEP_SENT_DIALOG, AdwWindow)

CfStepSentDialog *cf_step_sent_dialog_new       (GtkWindow        *parent,
                                                 CfContext        *context,
                                                 CfCase           *c,
                                                 CfReportStep      step);
gboolean          cf_step_sent_dialog_record    (CfStepSentDialog *self);
const char       *cf_step_sent_dialog_get_error (CfStepSentDialog *self);

G_END_DECLS
