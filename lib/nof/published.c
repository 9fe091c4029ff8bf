/*
 * The published figures of NHS England (nof/published.h): the ta_nhse_file
 * handle, its store of quarters, trust types, (quarter, trust) entries and
 * figures, and the public getters of what was read.
 *
 * The store is nof's so that everything that reads the rules off published
 * figures (assessments, cut-offs, verification, the league table) is nof's
 * too, and io's loaders only fill it. Figures are kept in one array with a
 * hash map from "quarter \x1f trust \x1f ID" and, once read, an index that
 * groups each entry's figures (result figures first) for O(1) access.
 */
#include <string.h>

#include "common/alloc.h"
#include "framework_internal.h"
#include "published.h"

int tai_nhse_lookup(const ta_nhse_file *f, const char *id, size_t *index, int *kind)
{
    return tai_framework_lookup(&f->fw->def, id, index, kind);
}

size_t tai_nhse_figure_index(const ta_nhse_file *f, ta_figure kind)
{
    return tai_framework_figure(&f->fw->def, kind);
}

ta_figure tai_nhse_figure_kind(const ta_nhse_file *f, size_t index)
{
    return f->fw->def.figures[index].kind;
}

ta_status ta_nhse_file_new(ta_nhse_file **out, const ta_framework *fw, const ta_allocator *alloc)
{
    ta_allocator a;
    ta_nhse_file *f;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!fw || tai_alloc_init(&a, alloc) != TA_OK)
        return TA_EINVAL;
    if (!(f = tai_calloc(&a, 1, sizeof *f)))
        return TA_ENOMEM;
    f->alloc = a;
    f->fw = fw;
    tai_strmap_init(&f->period_map, &f->alloc);
    tai_strmap_init(&f->type_map, &f->alloc);
    tai_strmap_init(&f->entry_map, &f->alloc);
    tai_strmap_init(&f->figure_map, &f->alloc);
    *out = f;
    return TA_OK;
}

void tai_nhse_release(ta_nhse_file *f)
{
    const ta_allocator *a = &f->alloc;
    for (size_t i = 0; i < f->n_files; i++)
        tai_free(a, f->files[i]);
    tai_free(a, f->files);
    tai_free(a, f->layouts);
    for (size_t i = 0; i < f->n_periods; i++)
        tai_free(a, f->periods[i]);
    for (size_t i = 0; i < f->n_types; i++)
        tai_free(a, f->types[i]);
    for (size_t i = 0; i < f->n_entries; i++) {
        tai_free(a, f->entries[i].code);
        for (size_t k = 0; k < 4; k++)
            tai_free(a, f->entries[i].fields[k]);
    }
    tai_free(a, f->periods);
    tai_free(a, f->types);
    tai_free(a, f->entries);
    tai_free(a, f->figures);
    tai_free(a, f->by_entry);
    tai_free(a, f->entry_start);
    tai_strmap_free(&f->period_map);
    tai_strmap_free(&f->type_map);
    tai_strmap_free(&f->entry_map);
    tai_strmap_free(&f->figure_map);
}

void tai_nhse_clear(ta_nhse_file *f)
{
    tai_nhse_release(f);
    f->by_entry = f->entry_start = NULL;
    f->files = NULL;
    f->layouts = NULL;
    f->n_files = 0;
    f->periods = f->types = NULL;
    f->entries = NULL;
    f->figures = NULL;
    f->n_periods = f->periods_cap = f->n_types = f->types_cap = 0;
    f->n_entries = f->entries_cap = f->n_figures = f->figures_cap = f->n_rows = 0;
    tai_strmap_init(&f->period_map, &f->alloc);
    tai_strmap_init(&f->type_map, &f->alloc);
    tai_strmap_init(&f->entry_map, &f->alloc);
    tai_strmap_init(&f->figure_map, &f->alloc);
}

void ta_nhse_file_free(ta_nhse_file *f)
{
    ta_allocator a;
    if (!f)
        return;
    a = f->alloc;
    tai_nhse_release(f);
    tai_free(&a, f);
}

const char *ta_nhse_file_error(const ta_nhse_file *f)
{
    return f ? f->err.msg : "invalid argument: NULL file";
}

ta_status tai_nhse_intern(ta_nhse_file *f, tai_strmap *map, char ***list, size_t *n, size_t *cap,
                          const char *text, size_t *index)
{
    size_t len = strlen(text);
    char *copy;
    if (tai_strmap_get(map, text, len, index))
        return TA_OK;
    if (tai_grow(&f->alloc, (void **)list, cap, *n + 1, sizeof **list) != TA_OK ||
        !(copy = tai_strdup(&f->alloc, text)))
        return TA_ENOMEM;
    if (tai_strmap_put(map, text, len, *n, NULL, NULL) != TA_OK) {
        tai_free(&f->alloc, copy);
        return TA_ENOMEM;
    }
    (*list)[*n] = copy;
    *index = (*n)++;
    return TA_OK;
}

size_t tai_nhse_key(char *buf, size_t size, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc + 2 > size)
        return 0;
    memcpy(buf, a, la);
    buf[la] = '\x1f';
    memcpy(buf + la + 1, b, lb);
    buf[la + 1 + lb] = '\x1f';
    memcpy(buf + la + 2 + lb, c, lc);
    return la + lb + lc + 2;
}

/* The group of a figure within its entry's run of by_entry: result figures
 * (average, segments, flags), then metric scores, then raw values. */
static int figure_group(const tai_nhse_figure *fig)
{
    return fig->id_kind == TAI_ID_FIGURE ? 0 : fig->id_kind == TAI_ID_SCORE ? 1 : 2;
}

/* Groups figure indexes by entry so that a trust's figures are found in O(1).
 * Within an entry the result figures come first, then the scores, then the
 * raw values, each group in file order: entry_figure, which the published
 * cut-offs and flags call twice per trust, scans only the few result
 * figures, and an assessment from scores stops at the first raw value
 * instead of walking all of them. */
ta_status tai_nhse_index(ta_nhse_file *f)
{
    f->entry_start = tai_calloc(&f->alloc, f->n_entries + 1, sizeof *f->entry_start);
    f->by_entry = tai_calloc(&f->alloc, f->n_figures, sizeof *f->by_entry);
    if (!f->entry_start || !f->by_entry)
        return tai_error_set(&f->err, TA_ENOMEM, "out of memory indexing the file");
    for (size_t i = 0; i < f->n_figures; i++)
        f->entry_start[f->figures[i].entry + 1]++;
    for (size_t e = 0, sum = 0; e < f->n_entries; e++) /* counts to running ends */
        f->entry_start[e + 1] = sum += f->entry_start[e + 1];
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < f->n_figures; i++)
            if (figure_group(&f->figures[i]) == pass)
                f->by_entry[f->entry_start[f->figures[i].entry]++] = i;
    /* entry_start[e] now holds the end of e's run: shift back by one entry. */
    for (size_t e = f->n_entries; e > 0; e--)
        f->entry_start[e] = f->entry_start[e - 1];
    f->entry_start[0] = 0;
    return TA_OK;
}

size_t ta_nhse_file_row_count(const ta_nhse_file *f)
{
    return f ? f->n_rows : 0;
}

size_t ta_nhse_file_period_count(const ta_nhse_file *f)
{
    return f ? f->n_periods : 0;
}

const char *ta_nhse_file_period(const ta_nhse_file *f, size_t i)
{
    return f && i < f->n_periods ? f->periods[i] : NULL;
}

size_t ta_nhse_file_trust_type_count(const ta_nhse_file *f)
{
    return f ? f->n_types : 0;
}

const char *ta_nhse_file_trust_type(const ta_nhse_file *f, size_t i)
{
    return f && i < f->n_types ? f->types[i] : NULL;
}

ta_status ta_nhse_file_find_period(size_t *index_out, const ta_nhse_file *f, const char *text)
{
    size_t found = (size_t)-1, len;
    if (!index_out || !f || !text)
        return TA_EINVAL;
    if (tai_strmap_get(&f->period_map, text, strlen(text), index_out))
        return TA_OK;
    len = strlen(text);
    for (size_t i = 0; len > 0 && i < f->n_periods; i++) {
        const char *p = f->periods[i];
        if (strncmp(p, text, len) == 0 && p[len] == ' ') {
            if (found != (size_t)-1)
                return TA_ENOTFOUND; /* ambiguous: several years */
            found = i;
        }
    }
    if (found == (size_t)-1)
        return TA_ENOTFOUND;
    *index_out = found;
    return TA_OK;
}

const tai_nhse_figure *tai_nhse_find_figure(const ta_nhse_file *f, const char *period,
                                            const char *code, const char *id)
{
    char key[512];
    size_t klen = tai_nhse_key(key, sizeof key, period, code, id), index;
    if (!tai_strmap_get(&f->figure_map, key, klen, &index)) /* no key is empty */
        return NULL;
    return &f->figures[index];
}

ta_status ta_nhse_file_published(int *has, double *value, const ta_nhse_file *f, const char *period,
                                 const char *code, const char *id)
{
    const tai_nhse_figure *fig;
    if (!f || !period || !code || !id || !has)
        return TA_EINVAL;
    fig = tai_nhse_find_figure(f, period, code, id);
    *has = fig != NULL;
    if (fig && value)
        *value = fig->value;
    return TA_OK;
}

ta_status ta_nhse_file_published_rank(int *has_rank, double *rank, const ta_nhse_file *f,
                                      const char *period, const char *code, const char *id)
{
    const tai_nhse_figure *fig;
    if (!f || !period || !code || !id || !has_rank)
        return TA_EINVAL;
    fig = tai_nhse_find_figure(f, period, code, id);
    *has_rank = fig && fig->has_rank;
    if (*has_rank && rank)
        *rank = fig->rank;
    return TA_OK;
}

ta_status ta_nhse_file_published_at(const char **file, size_t *line, size_t *column,
                                    const ta_nhse_file *f, const char *period, const char *code,
                                    const char *id)
{
    const tai_nhse_figure *fig;
    if (!f || !period || !code || !id)
        return TA_EINVAL;
    if (!(fig = tai_nhse_find_figure(f, period, code, id)))
        return TA_ENOTFOUND;
    if (file)
        *file = f->files[fig->file];
    if (line)
        *line = fig->line;
    if (column)
        *column = fig->column;
    return TA_OK;
}

ta_status ta_nhse_period_end(ta_date *end, const char *label)
{
    static const int month[4] = {6, 9, 12, 3}, day[4] = {30, 30, 31, 31};
    int q, year = 0;
    if (!end || !label)
        return TA_EINVAL;
    if (strlen(label) != 10 || label[0] != 'Q' || label[1] < '1' || label[1] > '4' ||
        label[2] != ' ' || label[7] != '/')
        return TA_EPARSE;
    for (int k = 3; k < 10; k++)
        if (k != 7 && (label[k] < '0' || label[k] > '9'))
            return TA_EPARSE;
    for (int k = 3; k < 7; k++)
        year = year * 10 + (label[k] - '0');
    if ((label[8] - '0') * 10 + (label[9] - '0') != (year + 1) % 100 || year < 1 || year > 9998)
        return TA_EPARSE;
    q = label[1] - '1';
    end->year = q == 3 ? year + 1 : year;
    end->month = month[q];
    end->day = day[q];
    return TA_OK;
}

/* Entry e's figure of result figure index `figure` (as tai_framework_figure
 * gives), or NULL: a scan of the entry's own result figures, which
 * index_by_entry put first, cheaper than building a composite key and
 * hashing it. */
const tai_nhse_figure *tai_nhse_entry_figure_at(const ta_nhse_file *f, size_t e, size_t figure)
{
    if (figure == (size_t)-1)
        return NULL;
    for (size_t k = f->entry_start[e]; k < f->entry_start[e + 1]; k++) {
        const tai_nhse_figure *fig = &f->figures[f->by_entry[k]];
        if (fig->id_kind != TAI_ID_FIGURE)
            return NULL; /* the result figures are over */
        if (fig->id_index == figure)
            return fig;
    }
    return NULL;
}

const tai_nhse_figure *tai_nhse_entry_figure(const ta_nhse_file *f, size_t e, ta_figure kind)
{
    return tai_nhse_entry_figure_at(f, e, tai_framework_figure(&f->fw->def, kind));
}

const char *tai_nhse_figure_id(const ta_nhse_file *f, const tai_nhse_figure *fig)
{
    const tai_framework_def *def = &f->fw->def;
    switch (fig->id_kind) {
    case TAI_ID_SCORE:
        return def->metrics[fig->id_index].id;
    case TAI_ID_RAW:
        return def->metrics[fig->id_index].raw_id;
    case TAI_ID_DOMAIN:
        return def->domains[fig->id_index].score_id;
    default:
        return def->figures[fig->id_index].id;
    }
}
