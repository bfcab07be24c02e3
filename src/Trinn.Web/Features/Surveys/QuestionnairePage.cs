using System.Globalization;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Fidelity;

namespace Trinn.Web.Features.Surveys;

/// <summary>What the questionnaire partial shows: one page of the form, its answers so far, errors and buttons.</summary>
public sealed record QuestionnaireView(
    InstrumentDefinition Definition, IReadOnlyList<ItemDefinition> Items, IReadOnlySet<string> Visible, AnswerSet Answers,
    IReadOnlyDictionary<string, string> Errors, int RawPage, int Page, int PageCount, bool IsFirst, bool IsLast, long Version, string? Notice);

/// <summary>
/// The wave questionnaire as pages answered without script (<see cref="FormPages"/>): the candidate's link page and
/// the job specialist's paper entry share it. Each post saves the page into the draft (save and continue); the last
/// page submits the whole answer set once.
/// </summary>
public abstract class QuestionnairePage(IStringLocalizer<SurveysResource> s) : PageModel
{
    public const string ActionNext = "neste";
    public const string ActionBack = "tilbake";
    public const string ActionSave = "lagre";
    public const string ActionSubmit = "send";

    public QuestionnaireView? Form { get; protected set; }

    protected IStringLocalizer<SurveysResource> S => s;

    /// <summary>Page numbers (1-based) that have something to answer for these answers.</summary>
    protected static List<int> ActivePages(InstrumentDefinition definition, IReadOnlyList<IReadOnlyList<ItemDefinition>> pages, AnswerSet answers) =>
        Enumerable.Range(1, pages.Count).Where(n => FormPages.HasVisibleQuestions(definition, pages[n - 1], answers)).ToList();

    protected void Show(InstrumentDefinition definition, AnswerSet answers, int requested, long version, string? notice, IReadOnlyDictionary<string, string>? errors = null)
    {
        var pages = FormPages.Split(definition);
        var active = ActivePages(definition, pages, answers);
        if (active.Count == 0)
        {
            active.Add(1);
        }

        var page = active.Contains(requested) ? requested : active.FirstOrDefault(n => n > requested, active[^1]);
        var visible = definition.VisibleItems(answers).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        Form = new QuestionnaireView(definition, pages[page - 1], visible, answers, errors ?? new Dictionary<string, string>(),
            page, active.IndexOf(page) + 1, active.Count, page == active[0], page == active[^1], version, notice);
    }

    /// <summary>
    /// The result of reading one posted page: the valid answers merged into the draft (what may be saved), the same with
    /// the values exactly as typed (what the form shows again beside its errors), the field errors, and the page.
    /// </summary>
    protected sealed record PagePost(AnswerSet Merged, Dictionary<string, string> Errors, bool Tampered, int Page)
    {
        public AnswerSet Typed { get; init; } = Merged;
    }

    /// <summary>
    /// Reads the posted page into the draft. Answers to items that are not shown on that page (hidden by branching,
    /// or from another page) mean the form was tampered with: refused whole. Field errors are kept per item.
    /// </summary>
    protected PagePost ReadPage(InstrumentDefinition definition, AnswerSet draft, bool submitting)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(draft);
        var pages = FormPages.Split(definition);
        _ = int.TryParse(Request.Form["side"], NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        if (page < 1 || page > pages.Count)
        {
            return new PagePost(draft, [], true, 1);
        }

        var visible = definition.VisibleItems(draft).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var onPage = pages[page - 1].Where(i => i.IsAnswerable && visible.Contains(i.Id)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in draft.Values)
        {
            if (!pages[page - 1].Any(i => i.Id == key))
            {
                raw[key] = values;
            }
        }

        foreach (var (key, values) in Request.Form)
        {
            if (!key.StartsWith(AnswerModel.FieldPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var id = key[AnswerModel.FieldPrefix.Length..];
            if (!onPage.Contains(id))
            {
                return new PagePost(draft, [], true, page);
            }

            raw[id] = values.Select(v => v ?? "").ToArray();
        }

        var result = AnswerValidator.Validate(definition, raw);
        var errors = result.Errors
            .Where(e => submitting || onPage.Contains(e.ItemId))
            .GroupBy(e => e.ItemId)
            .ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        return new PagePost(result.Answers, errors, false, page) { Typed = AnswerSet.From(raw) };
    }

    /// <summary>The page after (or before) <paramref name="page"/> that has something to answer.</summary>
    protected static int Neighbour(InstrumentDefinition definition, AnswerSet answers, int page, bool forward)
    {
        var active = ActivePages(definition, FormPages.Split(definition), answers);
        var next = forward ? active.FirstOrDefault(n => n > page) : active.LastOrDefault(n => n < page);
        return next == 0 ? page : next;
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (item, message) in errors)
        {
            ModelState.AddModelError(AnswerModel.FieldPrefix + item, message);
        }
    }

    /// <summary>
    /// Stores the posted answers: when <paramref name="submitting"/>, the whole answer set with its scores (audited as a
    /// submission), else the draft. Another tab (or the candidate's link and the paper entry) may have written the wave
    /// meanwhile: then nothing of this post is stored and the outcome is <see cref="SaveOutcome.Conflict"/>.
    /// </summary>
    private protected static Task<SaveOutcome> StoreAsync(
        TrinnDbContext db, SurveyWave wave, InstrumentDefinition definition, AnswerSet answers, bool submitting, bool paper, string? enteredById,
        DateOnly today, DateTime nowUtc) =>
        ConcurrencyGuard.TryWriteAsync(db, async () =>
        {
            if (submitting)
            {
                var researchId = await db.Set<StudyParticipant>().Where(p => p.Id == wave.ParticipantId).Select(p => p.ResearchId).SingleAsync();
                db.AddRange(wave.Submit(definition, answers, researchId, paper, enteredById, today, nowUtc));
                await db.SaveChangesAsync();
                await db.AuditAsync([new AuditEvent(AuditAction.Create, AuditEntities.SurveySubmission, wave.Id.ToString(CultureInfo.InvariantCulture), wave.CandidateId,
                    System.Text.Json.JsonSerializer.Serialize(new { wave.StudyId, wave.Number, Paper = paper }))]);
                return;
            }

            wave.SaveDraft(answers, today);
            await db.SaveChangesAsync();
        });

    protected void Refuse(string key) => ModelState.AddModelError(string.Empty, s[key]);

    /// <summary>The first page that holds one of the items in <paramref name="errors"/>.</summary>
    protected static int PageOf(InstrumentDefinition definition, IReadOnlyDictionary<string, string> errors)
    {
        var pages = FormPages.Split(definition);
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Any(item => errors.ContainsKey(item.Id)))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
