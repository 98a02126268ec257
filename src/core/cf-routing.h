/* cf-routing.h — which conformity assessment procedures are open (Article 32)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"
#include "cf-category.h"
#include "cf-procedure.h"

G_BEGIN_DECLS

typedef enum
{
  CF_ROUTE_OPEN,
  CF_ROUTE_WHERE_AVAILABLE,       /* a certification scheme, where one exists and applies */
  CF_ROUTE_COVERED_REQUIREMENTS,  /* class I, module A: only for requirements covered in full */
  CF_ROUTE_REQUIRED,              /* a delegated act under Article 8(1) requires it */
  CF_ROUTE_CLOSED,
} CfRouteStatus;

typedef struct
{
  CfProcedure    procedure;
  CfRouteStatus  status;
  char          *explanation;  /* one sentence */
  char          *ref;          /* the paragraph of Article 32 (or 8) that decides */
  gboolean       notified_body;
} CfRoute;

/* What the routing depends on besides the category. */
typedef struct
{
  CfCategory           category;
  const char * const  *items;                 /* Annex III/IV items of the product */
  gboolean             is_foss;
  gboolean             documentation_public;  /* Article 32(5) */
  guint                n_requirements;        /* class I: essential requirements… */
  guint                n_covered;             /* …and how many are covered in full */
} CfRoutingInput;

void        cf_route_free             (CfRoute              *route);
const char *cf_route_status_to_id     (CfRouteStatus         status);
GPtrArray  *cf_routing_compute        (CfCatalogue          *catalogue,
                                       const CfRoutingInput *input);
gboolean    cf_route_is_usable        (CfRoute              *route);
GStrv       cf_routing_usable_ids     (GPtrArray            *routes);
GPtrArray  *cf_routing_list_requirements (CfCatalogue       *catalogue);

G_END_DECLS
