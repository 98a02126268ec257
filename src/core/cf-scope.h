/* cf-scope.h — does the Regulation apply to the product? (Article 2)
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cf-catalogue.h"

G_BEGIN_DECLS

typedef enum
{
  CF_SCOPE_INCOMPLETE,     /* questions left unanswered, nothing decided yet */
  CF_SCOPE_IN_SCOPE,
  CF_SCOPE_OUT_OF_SCOPE,
  CF_SCOPE_NEEDS_REVIEW,   /* answers conflict, or the user is not sure */
} CfScopeOutcome;

typedef struct
{
  char *question;   /* the question id, or NULL */
  char *text;       /* why, in words */
  char *ref;        /* e.g. "Article 2(6)" */
} CfScopeReason;

typedef struct
{
  CfScopeOutcome  outcome;
  GPtrArray      *reasons;   /* of CfScopeReason */
} CfScopeResult;

void            cf_scope_result_free       (CfScopeResult  *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfScopeResult, cf_scope_result_free)

const char     *cf_scope_outcome_to_id     (CfScopeOutcome  outcome);
const char     *cf_scope_outcome_get_label (CfScopeOutcome  outcome);
gboolean        cf_scope_answer_is_valid   (const char     *answer);
GPtrArray      *cf_scope_list_questions    (CfCatalogue    *catalogue);
CfCatalogueItem *cf_scope_find_question    (CfCatalogue    *catalogue,
                                            const char     *question);
CfScopeResult  *cf_scope_evaluate          (CfCatalogue    *catalogue,
                                            GHashTable     *answers);

G_END_DECLS
