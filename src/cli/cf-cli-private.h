/* cf-cli-private.h — what the conformity-cli commands share
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-cli.h"
#include "cf-product-status.h"
#include "cf-risk.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_CLI_NAME "conformity-cli"

/* Long text (the regulation's, explanations) is wrapped to fit a terminal
 * of the usual width. */
#define CF_CLI_TEXT_WIDTH 78

/* Errors of the command line itself. Reporting one exits with
 * CF_CLI_EXIT_USAGE and a hint to the command's --help; every other error
 * (the core's, GIO's) exits with CF_CLI_EXIT_FAILURE. */
#define CF_CLI_ERROR (cf_cli_error_quark ())

typedef enum
{
  CF_CLI_ERROR_USAGE,
} CfCliError;

GQuark cf_cli_error_quark (void);

typedef struct
{
  char    *db_path;   /* --db, or NULL */
  char    *actor;     /* --actor, or NULL */
  CfStore *store;     /* opened on first use */
} CfCliContext;

typedef struct _CfCliCommand CfCliCommand;

/* What a command does, given the arguments after the global options: argv[0]
 * is the command's last word. Returns the exit status. */
typedef int CfCliRun (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv);

struct _CfCliCommand
{
  const char   *path;      /* "product add": what the user types after the global options */
  const char   *summary;   /* N_(), one line for the command list and the top of --help */
  CfCliRun     *run;
};

/* The --json option most commands have. */
#define CF_CLI_JSON_ENTRY(flag) \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(flag), N_("Print JSON instead of text"), NULL }

typedef enum
{
  CF_CLI_OPEN_EXISTING,   /* reading: a missing database is not created */
  CF_CLI_OPEN_CREATE,     /* recording: a missing database is created */
} CfCliOpenMode;

/* cf-cli-common.c: parsing and reporting */

typedef struct _CfCliFieldOptions CfCliFieldOptions;

gboolean    cf_cli_parse_command       (const CfCliCommand  *command,
                                        const char          *parameters,
                                        const char          *description,
                                        const GOptionEntry  *entries,
                                        CfCliFieldOptions   *fields,
                                        int                 *argc,
                                        char              ***argv,
                                        int                 *status);
gboolean    cf_cli_check_arguments     (int                  argc,
                                        char               **argv,
                                        int                  min_args,
                                        int                  max_args,
                                        const char          *missing_message,
                                        GError             **error);
gboolean    cf_cli_parse_max_size      (const char          *text,
                                        guint64             *size,
                                        GError             **error);
gboolean    cf_cli_parse_id            (const char          *text,
                                        gint64              *id,
                                        GError             **error);
gboolean    cf_cli_parse_threat        (const char          *text,
                                        gint                *number,
                                        GError             **error);
char       *cf_cli_dup_threat_label    (gint                 number);
char       *cf_cli_dup_requirement_list (GPtrArray          *requirements);
gboolean    cf_cli_check_requirement   (CfCatalogue         *catalogue,
                                        const char          *requirement,
                                        GError             **error);
char       *cf_cli_dup_text_argument   (const char          *value);
gboolean    cf_cli_check_output_file   (const char          *path,
                                        GError             **error);
int         cf_cli_report              (const char          *path,
                                        const GError        *error);
int         cf_cli_usage_error         (const char          *path,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (2, 3);
void        cf_cli_set_no_product      (CfCliContext        *ctx,
                                        gint64               product_id,
                                        GError             **error);
void        cf_cli_set_no_document     (CfCliContext        *ctx,
                                        gint64               document_id,
                                        GError             **error);
gboolean    cf_cli_open_store          (CfCliContext        *ctx,
                                        CfCliOpenMode        mode,
                                        CfStore            **store,
                                        GError             **error);
char       *cf_cli_get_db_path         (CfCliContext        *ctx);
gboolean    cf_cli_open_product_store  (CfCliContext        *ctx,
                                        gint64               product_id,
                                        CfStore            **store,
                                        GError             **error);
CfProductStatus *cf_cli_load_product_status (CfCliContext   *ctx,
                                        CfCatalogue         *catalogue,
                                        gint64               product_id,
                                        GError             **error);
char       *cf_cli_dup_text            (const char          *value);
gboolean    cf_cli_check_value         (const CfFieldSpec   *spec,
                                        const char          *value,
                                        GError             **error);

/* cf-cli-fields.c: options made from a record's field specifications */

CfCliFieldOptions  *cf_cli_field_options_new          (CfRecord           *prototype);
void                cf_cli_field_options_free         (CfCliFieldOptions  *self);
const GOptionEntry *cf_cli_field_options_get_entries  (CfCliFieldOptions  *self);
gboolean            cf_cli_field_options_any          (CfCliFieldOptions  *self);
char               *cf_cli_field_options_dup_required (CfCliFieldOptions  *self,
                                                       gboolean            only_missing);
gboolean            cf_cli_field_options_check        (CfCliFieldOptions  *self,
                                                       GError            **error);
void                cf_cli_field_options_apply        (CfCliFieldOptions  *self,
                                                       CfRecord           *record);
gboolean            cf_cli_field_options_edit         (CfRecord           *record,
                                                       gpointer            self,
                                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCliFieldOptions, cf_cli_field_options_free)

/* cf-cli-output.c: plain text for people */

typedef struct _CfCliTable CfCliTable;

void        cf_cli_print               (const char          *format,
                                        ...) G_GNUC_PRINTF (1, 2);
void        cf_cli_printerr            (const char          *format,
                                        ...) G_GNUC_PRINTF (1, 2);
const char *cf_cli_or_dash             (const char          *value);

CfCliTable *cf_cli_table_new           (guint                n_columns);
CfCliTable *cf_cli_table_new_key_value (void);
void        cf_cli_table_free          (CfCliTable          *self);
void        cf_cli_table_add_row       (CfCliTable          *self,
                                        const char * const  *cells);
void        cf_cli_table_add_pair      (CfCliTable          *self,
                                        const char          *label,
                                        const char          *value);
void        cf_cli_table_add_record    (CfCliTable          *self,
                                        CfRecord            *record);
void        cf_cli_table_set_width     (CfCliTable          *self,
                                        guint                width);
void        cf_cli_table_append        (CfCliTable          *self,
                                        GString             *out,
                                        const char          *indent);
void        cf_cli_table_print         (CfCliTable          *self);
void        cf_cli_print_wrapped       (const char          *text,
                                        guint                indent,
                                        guint                width);
void        cf_cli_print_bullet        (const char          *text,
                                        guint                indent,
                                        guint                width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCliTable, cf_cli_table_free)

/* cf-cli-json.c: JSON for scripts */

void        cf_cli_json_print_node     (JsonNode            *node);
void        cf_cli_json_print          (JsonBuilder         *builder);
void        cf_cli_json_add_string     (JsonBuilder         *builder,
                                        const char          *key,
                                        const char          *value);
void        cf_cli_json_add_record     (JsonBuilder         *builder,
                                        CfRecord            *record);
void        cf_cli_json_add_product    (JsonBuilder         *builder,
                                        CfProduct           *product);
void        cf_cli_json_add_manufacturer (JsonBuilder       *builder,
                                        CfManufacturer      *manufacturer);
void        cf_cli_json_add_declaration (JsonBuilder        *builder,
                                        gint64               product_id,
                                        CfDeclarationInfo   *info,
                                        const char * const  *missing);
void        cf_cli_json_add_user_information (JsonBuilder  *builder,
                                        gint64               product_id,
                                        CfUserInformation   *info);
void        cf_cli_json_add_document   (JsonBuilder         *builder,
                                        CfDocumentInfo      *document);
void        cf_cli_json_add_audit_entry (JsonBuilder        *builder,
                                        CfAuditEntry        *entry);
void        cf_cli_json_add_date       (JsonBuilder         *builder,
                                        const char          *key,
                                        const GDate         *date);
void        cf_cli_json_add_category_match (JsonBuilder     *builder,
                                        CfCategoryMatch     *match,
                                        const char          *description);
void        cf_cli_json_add_classification (JsonBuilder     *builder,
                                        CfCatalogue         *catalogue,
                                        CfClassifier        *classifier,
                                        CfProductStatus     *status,
                                        CfClassification    *shown);
void        cf_cli_json_add_scope      (JsonBuilder         *builder,
                                        CfCatalogue         *catalogue,
                                        CfProductStatus     *status);
void        cf_cli_json_add_lifecycle  (JsonBuilder         *builder,
                                        CfProductStatus     *status);
void        cf_cli_json_add_assessment (JsonBuilder         *builder,
                                        CfCatalogue         *catalogue,
                                        CfProductStatus     *status);
void        cf_cli_json_add_threat     (JsonBuilder         *builder,
                                        CfRiskModel         *model,
                                        CfThreat            *threat);
void        cf_cli_json_add_readiness  (JsonBuilder         *builder,
                                        gint64               product_id,
                                        CfReadiness         *readiness);
void        cf_cli_json_add_evidence   (JsonBuilder         *builder,
                                        CfEvidence          *evidence,
                                        const GDate         *today);
void        cf_cli_json_add_evidence_version (JsonBuilder   *builder,
                                        gint64               evidence_id,
                                        const CfEvidenceVersion *version);

/* The commands, one file per subject. */

CfCliRun cf_cli_manufacturer_set;
CfCliRun cf_cli_manufacturer_show;
CfCliRun cf_cli_product_add;
CfCliRun cf_cli_product_add_example;
CfCliRun cf_cli_product_list;
CfCliRun cf_cli_product_show;
CfCliRun cf_cli_product_set;
CfCliRun cf_cli_scope_set;
CfCliRun cf_cli_scope_show;
CfCliRun cf_cli_classify_suggest;
CfCliRun cf_cli_classify_set;
CfCliRun cf_cli_classify_coverage;
CfCliRun cf_cli_classify_show;
CfCliRun cf_cli_assess_set;
CfCliRun cf_cli_assess_show;
CfCliRun cf_cli_assess_context;
CfCliRun cf_cli_threat_add;
CfCliRun cf_cli_threat_set;
CfCliRun cf_cli_threat_remove;
CfCliRun cf_cli_threat_list;
CfCliRun cf_cli_evidence_add;
CfCliRun cf_cli_evidence_list;
CfCliRun cf_cli_evidence_show;
CfCliRun cf_cli_evidence_versions;
CfCliRun cf_cli_evidence_get;
CfCliRun cf_cli_evidence_set;
CfCliRun cf_cli_evidence_remove;
CfCliRun cf_cli_evidence_verify;
CfCliRun cf_cli_readiness;
CfCliRun cf_cli_chart;
CfCliRun cf_cli_dates;
CfCliRun cf_cli_declaration_set;
CfCliRun cf_cli_declaration_show;
CfCliRun cf_cli_user_info_set;
CfCliRun cf_cli_user_info_show;
CfCliRun cf_cli_sbom_import;
CfCliRun cf_cli_sbom_list;
CfCliRun cf_cli_sbom_components;
CfCliRun cf_cli_sbom_check;
CfCliRun cf_cli_sbom_diff;
CfCliRun cf_cli_generate;
CfCliRun cf_cli_documents;
CfCliRun cf_cli_document_show;
CfCliRun cf_cli_document_save;
CfCliRun cf_cli_document_diff;
CfCliRun cf_cli_dossier_export;
CfCliRun cf_cli_dossier_verify;
CfCliRun cf_cli_dossier_list;

/* cf-cli-review.c */
CfCliRun cf_cli_review_open;
CfCliRun cf_cli_review_list;
CfCliRun cf_cli_review_show;
CfCliRun cf_cli_review_finding_add;
CfCliRun cf_cli_review_finding_remove;
CfCliRun cf_cli_review_extract;
CfCliRun cf_cli_review_report;
CfCliRun cf_cli_review_export;
CfCliRun cf_cli_findings_import;
CfCliRun cf_cli_findings_list;
CfCliRun cf_cli_findings_set;
CfCliRun cf_cli_audit;
CfCliRun cf_cli_catalogue;

/* cf-cli-vuln.c, cf-cli-reporting.c: vulnerability handling, Article 14 */
gboolean    cf_cli_open_case_store     (CfCliContext        *ctx,
                                        gint64               case_id,
                                        CfStore            **store,
                                        GError             **error);
void        cf_cli_json_add_case       (JsonBuilder         *builder,
                                        CfCase              *c);
void        cf_cli_json_add_deadline   (JsonBuilder         *builder,
                                        const CfDeadline    *deadline,
                                        GDateTime           *now);
void        cf_cli_print_deadline_step (const CfDeadline    *deadline,
                                        GDateTime           *now);
void        cf_cli_support_period_add_pairs (CfCliTable     *table,
                                        CfProduct           *product);
void        cf_cli_support_period_add_json (JsonObject      *object,
                                        CfProduct           *product);

CfCliRun cf_cli_vuln_add;
CfCliRun cf_cli_vuln_set;
CfCliRun cf_cli_vuln_list;
CfCliRun cf_cli_incident_add;
CfCliRun cf_cli_incident_set;
CfCliRun cf_cli_incident_list;
CfCliRun cf_cli_case_show;
CfCliRun cf_cli_case_remove;
CfCliRun cf_cli_deadlines;
CfCliRun cf_cli_update_add;
CfCliRun cf_cli_update_list;
CfCliRun cf_cli_report_case;
CfCliRun cf_cli_mark_sent;
CfCliRun cf_cli_csaf;
CfCliRun cf_cli_vex;

G_END_DECLS
