/*
 * Several published files in one handle, merged by quarter (ta_nhse_file_add_file
 * and ta_nhse_file_add_buffer).
 *
 * NHS England publishes one file per trust type (and a league table beside
 * each data file); a national league needs them read together. A file added
 * to a handle is read on its own first (so its own errors are the reader's),
 * then merged: its quarters and trust types join the handle's (new ones after
 * the old, in file order), and its trusts join theirs quarter by quarter. A
 * (quarter, trust) that two files both give is allowed only when the files
 * are of different layouts (a data file and the league table of the same
 * quarter) and agree on the trust's type and on every figure both publish;
 * otherwise it is an input error naming both files and the trust.
 *
 * The merge builds the combined contents aside and swaps them in only when
 * everything has been checked and allocated, so a failed merge leaves the
 * handle exactly as it was.
 */
#include <string.h>

#include "common/alloc.h"
#include "common/file.h"
#include "common/number.h"
#include "nof/published.h"

/* x with up to 6 decimals and no trailing zeros, for messages. Two files
 * can disagree only on figures checked on reading (averages 1 to 4,
 * segments, flags, ranks up to 1e9), all within what the formatter writes;
 * the loop stops at the point at the latest, and a digit precedes it. */
static void short_number(char *buf, size_t size, double x)
{
    size_t n;
    tai_format_fixed(buf, size, x, 6);
    n = strlen(buf);
    while (strchr(buf, '.') && (buf[n - 1] == '0' || buf[n - 1] == '.'))
        buf[--n] = '\0';
}

/* An empty store with the handle's framework and allocator. */
static void store_init(ta_nhse_file *m, ta_nhse_file *f)
{
    memset(m, 0, sizeof *m);
    m->alloc = f->alloc;
    m->fw = f->fw;
    tai_strmap_init(&m->period_map, &f->alloc);
    tai_strmap_init(&m->type_map, &f->alloc);
    tai_strmap_init(&m->entry_map, &f->alloc);
    tai_strmap_init(&m->figure_map, &f->alloc);
}

static ta_status add_file(ta_nhse_file *m, const char *name, int layout)
{
    char *copy;
    if (tai_grow(&m->alloc, (void **)&m->files, &m->files_cap, m->n_files + 1, sizeof *m->files) !=
            TA_OK ||
        tai_grow(&m->alloc, (void **)&m->layouts, &m->layouts_cap, m->n_files + 1,
                 sizeof *m->layouts) != TA_OK ||
        !(copy = tai_strdup(&m->alloc, name)))
        return TA_ENOMEM;
    m->files[m->n_files] = copy;
    m->layouts[m->n_files++] = layout;
    return TA_OK;
}

/* A new entry in m, a copy of src's entry se. */
static ta_status copy_entry(ta_nhse_file *m, const ta_nhse_file *src, size_t se, size_t p, size_t t,
                            size_t file, const char *key, size_t klen, size_t *out)
{
    const tai_nhse_entry *s = &src->entries[se];
    tai_nhse_entry *e;
    if (tai_grow(&m->alloc, (void **)&m->entries, &m->entries_cap, m->n_entries + 1,
                 sizeof *m->entries) != TA_OK)
        return TA_ENOMEM;
    e = &m->entries[m->n_entries];
    *e = (tai_nhse_entry){.period = p, .type = t, .file = file, .line = s->line};
    e->code = tai_strdup(&m->alloc, s->code);
    for (size_t k = 0; k < 4; k++)
        e->fields[k] = tai_strdup(&m->alloc, s->fields[k]);
    m->n_entries++; /* counted now so that release frees it whatever follows */
    if (!e->code || !e->fields[0] || !e->fields[1] || !e->fields[2] || !e->fields[3] ||
        tai_strmap_put(&m->entry_map, key, klen, m->n_entries - 1, NULL, NULL) != TA_OK)
        return TA_ENOMEM;
    *out = m->n_entries - 1;
    return TA_OK;
}

/* Appends src's contents to m; `file0` is the index in m of src's first file.
 * `err` receives the messages (naming m's and src's files). */
static ta_status append(ta_nhse_file *m, const ta_nhse_file *src, tai_error *err)
{
    size_t file0 = m->n_files, *entry_of;
    ta_status st = TA_OK;
    char key[512];
    for (size_t i = 0; i < src->n_files; i++)
        if (add_file(m, src->files[i], src->layouts[i]) != TA_OK)
            return TA_ENOMEM;
    entry_of = tai_calloc(&m->alloc, src->n_entries, sizeof *entry_of);
    if (!entry_of)
        return TA_ENOMEM;
    for (size_t se = 0; st == TA_OK && se < src->n_entries; se++) {
        const tai_nhse_entry *s = &src->entries[se];
        const char *period = src->periods[s->period], *type = src->types[s->type];
        size_t p, t, klen = tai_nhse_key(key, sizeof key, period, s->code, ""), old;
        if ((st = tai_nhse_intern(m, &m->period_map, &m->periods, &m->n_periods, &m->periods_cap,
                                  period, &p)) != TA_OK ||
            (st = tai_nhse_intern(m, &m->type_map, &m->types, &m->n_types, &m->types_cap, type,
                                  &t)) != TA_OK)
            break;
        if (!tai_strmap_get(&m->entry_map, key, klen, &old)) {
            st = copy_entry(m, src, se, p, t, file0 + s->file, key, klen, &entry_of[se]);
            continue;
        }
        entry_of[se] = old;
        if (m->layouts[m->entries[old].file] == src->layouts[s->file])
            st = tai_error_set(err, TA_EDUPLICATE, "trust %s in %s is in both %s:%zu and %s:%zu",
                               s->code, period, m->files[m->entries[old].file],
                               m->entries[old].line, src->files[s->file], s->line);
        else if (m->entries[old].type != t)
            st = tai_error_set(err, TA_EINCONSISTENT,
                               "%s:%zu and %s:%zu disagree on the trust type of trust %s in %s: "
                               "\"%s\" and \"%s\"",
                               m->files[m->entries[old].file], m->entries[old].line,
                               src->files[s->file], s->line, s->code, period,
                               m->types[m->entries[old].type], type);
    }
    for (size_t i = 0; st == TA_OK && i < src->n_figures; i++) {
        const tai_nhse_figure *fig = &src->figures[i];
        const tai_nhse_entry *s = &src->entries[fig->entry];
        const char *id = tai_nhse_figure_id(src, fig);
        size_t klen = tai_nhse_key(key, sizeof key, src->periods[s->period], s->code, id), old;
        int existed; /* set by tai_strmap_put when it succeeds */
        if (tai_grow(&m->alloc, (void **)&m->figures, &m->figures_cap, m->n_figures + 1,
                     sizeof *m->figures) != TA_OK ||
            tai_strmap_put(&m->figure_map, key, klen, m->n_figures, &existed, &old) != TA_OK) {
            st = TA_ENOMEM;
            break;
        }
        if (existed) {
            tai_nhse_figure *o = &m->figures[old];
            if (o->value == fig->value && !o->has_rank && fig->has_rank) {
                o->has_rank = 1; /* the rank only one file gives */
                o->rank = fig->rank;
            } else if (o->value != fig->value ||
                       (o->has_rank && fig->has_rank && o->rank != fig->rank)) {
                char a[40], b[40];
                short_number(a, sizeof a,
                             o->has_rank && o->value == fig->value ? o->rank : o->value);
                short_number(b, sizeof b,
                             o->has_rank && o->value == fig->value ? fig->rank : fig->value);
                st = tai_error_set(err, TA_EINCONSISTENT,
                                   "%s:%zu and %s:%zu disagree on %s%s of trust %s in %s: %s "
                                   "and %s",
                                   m->files[o->file], o->line, src->files[fig->file], fig->line, id,
                                   o->has_rank && o->value == fig->value ? " Rank" : "", s->code,
                                   src->periods[s->period], a, b);
            }
            continue;
        }
        m->figures[m->n_figures] = *fig;
        m->figures[m->n_figures].entry = entry_of[fig->entry];
        m->figures[m->n_figures].file = file0 + fig->file;
        m->n_figures++;
    }
    m->n_rows += src->n_rows;
    tai_free(&m->alloc, entry_of);
    return st;
}

/* Merges the handle `more` (read on its own) into f, which has read before.
 * On failure f is as it was and its error names both files. */
static ta_status merge(ta_nhse_file *f, ta_nhse_file *more)
{
    ta_nhse_file m;
    ta_status st;
    store_init(&m, f);
    st = append(&m, f, &f->err);
    if (st == TA_OK)
        st = append(&m, more, &f->err);
    if (st == TA_OK)
        st = tai_nhse_index(&m);
    if (st != TA_OK) {
        if (st == TA_ENOMEM)
            tai_error_set(&f->err, st, "out of memory merging %s", more->files[0]);
        tai_nhse_release(&m);
        return st;
    }
    tai_nhse_release(f);
    m.err = f->err;
    m.has_read = 1;
    *f = m;
    return TA_OK;
}

/* ---- adding a file ---------------------------------------------------- */

ta_status ta_nhse_file_add_buffer(ta_nhse_file *f, const char *data, size_t len, const char *name)
{
    ta_nhse_file *more = NULL;
    ta_status st;
    if (!f)
        return TA_EINVAL;
    if (!f->has_read)
        return ta_nhse_file_read_buffer(f, data, len, name);
    if ((st = ta_nhse_file_new(&more, f->fw, &f->alloc)) != TA_OK)
        return tai_error_set(&f->err, st, "out of memory");
    if ((st = ta_nhse_file_read_buffer(more, data, len, name)) != TA_OK)
        tai_error_set(&f->err, st, "%s", ta_nhse_file_error(more));
    else if ((st = merge(f, more)) == TA_OK)
        tai_error_clear(&f->err);
    ta_nhse_file_free(more);
    return st;
}

static ta_status parse_add(void *f, const char *data, size_t len, const char *name)
{
    return ta_nhse_file_add_buffer(f, data, len, name);
}

ta_status ta_nhse_file_add_file(ta_nhse_file *f, const char *path)
{
    if (!f)
        return TA_EINVAL;
    return tai_parse_file(&f->alloc, path, &f->err, parse_add, f);
}
