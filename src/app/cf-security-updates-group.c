/* cf-security-updates-group.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-security-updates-group"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cf-security-updates-editor.h"
#include "cf-security-updates-group.h"

struct _CfSecurityUpdatesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *list;

  CfContext           *context;
  gint64               product_id;
  guint                n_updates;
};

G_DEFINE_FINAL_TYPE (CfSecurityUpdatesGroup, cf_security_updates_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
toast (CfSecurityUpdatesGroup *self,
       const char             *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "list-placeholder");
  return label;
}

/* "Fixes Case 3, Case 5" */
static char *
describe_fixes (CfSecurityUpdate *update)
{
  GArray *fixes = cf_security_update_get_fixes (update);
  g_autoptr(GString) cases = g_string_new (NULL);

  if (fixes->len == 0)
    return NULL;

  for (guint i = 0; i < fixes->len; i++)
    {
      /* Translators: a case in a list of those a security update fixes */
      g_autofree char *label = g_strdup_printf (_("Case %" PRId64), g_array_index (fixes, gint64, i));

      g_string_append_printf (cases, "%s%s", i > 0 ? ", " : "", label);
    }
  /* Translators: followed by a list of cases, "Case 3, Case 5" */
  return g_strdup_printf (_("Fixes %s"), cases->str);
}

static GtkWidget *
row_new (CfSecurityUpdate *update)
{
  CfRecord *record = CF_RECORD (update);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("software-update-available-symbolic");
  g_autofree char *fixes = describe_fixes (update);
  g_autofree char *released = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *notes = cf_record_get_field (record, "notes");

  /* Translators: the date a security update was released */
  released = g_strdup_printf (_("Released on %s"), cf_record_get_field (record, "released-on"));
  g_string_append (subtitle, released);
  if (fixes != NULL)
    g_string_append_printf (subtitle, " · %s", fixes);
  if (notes != NULL)
    g_string_append_printf (subtitle, "\n%s", notes);

  gtk_widget_set_name (row, cf_record_get_field (record, "version"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_record_get_field (record, "version"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
reload (CfSecurityUpdatesGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_updates = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "updates.add", self->product_id != 0);

  if (self->context == NULL || self->product_id == 0)
    return;

  updates = cf_store_list_security_updates (cf_context_get_store (self->context), self->product_id, &error);
  if (updates == NULL)
    {
      gtk_list_box_set_placeholder (self->list, placeholder_new (error->message));
      return;
    }

  gtk_list_box_set_placeholder (self->list, placeholder_new (_("No security updates recorded yet")));
  for (guint i = 0; i < updates->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (updates, i)));
  self->n_updates = updates->len;
}

static void
store_changed_cb (CfSecurityUpdatesGroup *self,
                  gint64                  product_id,
                  CfStore                *store)
{
  if (product_id == self->product_id)
    reload (self);
}

static void
saved_cb (CfSecurityUpdatesGroup *self,
          const char             *version)
{
  /* Translators: a security update's version was recorded */
  g_autofree char *message = g_strdup_printf (_("Security update %s recorded"), version);

  toast (self, message);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfSecurityUpdatesGroup *self = CF_SECURITY_UPDATES_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CfSecurityUpdatesEditor *editor;

  if (self->context == NULL || self->product_id == 0)
    return;

  editor = cf_security_updates_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->context, self->product_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
cf_security_updates_group_dispose (GObject *object)
{
  CfSecurityUpdatesGroup *self = CF_SECURITY_UPDATES_GROUP (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_security_updates_group_parent_class)->dispose (object);
}

static void
cf_security_updates_group_class_init (CfSecurityUpdatesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_security_updates_group_dispose;

  /**
   * CfSecurityUpdatesGroup::add-toast:
   * @toast: (transfer full): what to show
   */
  signals [SIGNAL_ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-security-updates-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSecurityUpdatesGroup, list);
  gtk_widget_class_install_action (widget_class, "updates.add", NULL, add_action_cb);
}

static void
cf_security_updates_group_init (CfSecurityUpdatesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "updates.add", FALSE);
}

/* The services it reads from; set once, right after the group is built. */
void
cf_security_updates_group_set_context (CfSecurityUpdatesGroup *self,
                                       CfContext              *context)
{
  g_return_if_fail (CF_IS_SECURITY_UPDATES_GROUP (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (cf_context_get_store (context), "changed::case",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
cf_security_updates_group_set_product_id (CfSecurityUpdatesGroup *self,
                                          gint64                  product_id)
{
  g_return_if_fail (CF_IS_SECURITY_UPDATES_GROUP (self));

  if (self->product_id == product_id)
    return;
  self->product_id = product_id;
  reload (self);
}

guint
cf_security_updates_group_get_n_updates (CfSecurityUpdatesGroup *self)
{
  g_return_val_if_fail (CF_IS_SECURITY_UPDATES_GROUP (self), 0);
  return self->n_updates;
}
