/* cf-deadline-alerts.h — desktop notifications for Article 14 reports falling due
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_DEADLINE_ALERTS (cf_deadline_alerts_get_type ())

G_DECLARE_FINAL_TYPE (CfDeadlineAlerts, cf_deadline_alerts, CF, DEADLINE_ALERTS, GObject)

CfDeadlineAlerts *cf_deadline_alerts_new (GApplication *application,
                                          CfStore      *store);

G_END_DECLS
