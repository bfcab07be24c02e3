using Microsoft.Extensions.Primitives;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Web.Features.Fidelity;

/// <summary>
/// A jobbspesialist or the metodeveileder answers the round's questionnaire, once per round, and may change the
/// answers until the round closes. The form is rendered from the stored instrument version; the server validates
/// against it and drops answers to items hidden by branching.
/// </summary>
public sealed class AnswerModel(
    TrinnDbContext db, TimeProvider time, IStringLocalizer<FidelityResource> f, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Form fields for answers are named with this prefix and the item id ("a.item3").</summary>
    public const string FieldPrefix = "a.";

    public RoundHeader Round { get; private set; } = default!;

    public InstrumentDefinition Definition { get; private set; } = default!;

    public AnswerSet Answers { get; private set; } = AnswerSet.Empty;

    public IReadOnlySet<string> Visible { get; private set; } = new HashSet<string>();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Shared { get; private set; }

    public long Version { get; private set; }

    public bool HasAnswered { get; private set; }

    public DateOnly Today { get; private set; }

    public bool IsOpen => Today >= Round.OpensOn && Today <= Round.ClosesOn;

    public bool IsClosed => Today > Round.ClosesOn;

    public bool JustSaved { get; private set; }

    public static string FieldId(string itemId) => "a_" + itemId;

    public async Task<IActionResult> OnGetAsync(int id, bool saved = false)
    {
        var (round, _) = await LoadAsync(id);
        if (round is null)
        {
            return NotFound();
        }

        JustSaved = saved && HasAnswered;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded.Round is null)
        {
            return NotFound();
        }

        if (!IsOpen)
        {
            ModelState.AddModelError(string.Empty, IsClosed ? f["Answer_ClosedRefused"] : f["Answer_NotOpenRefused"]);
            return Page();
        }

        var result = AnswerValidator.Validate(Definition, RawAnswers());
        Answers = result.Answers;
        Visible = Definition.VisibleItems(result.Answers).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        Shared = string.Equals(Request.Form["share"], "true", StringComparison.Ordinal);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                Errors[error.ItemId] = error.Message;
                ModelState.AddModelError(FieldPrefix + error.ItemId, error.Message);
            }

            return Page();
        }

        if (!FidelityResponse.AnythingAnswered(result.Answers))
        {
            ModelState.AddModelError(string.Empty, f["Answer_NothingAnswered"]);
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var userId = User.UserId();
        var response = await db.Set<FidelityResponse>().SingleOrDefaultAsync(x => x.RoundId == id && x.RespondentId == userId);
        var outcome = await ConcurrencyGuard.TryWriteAsync(db, async () =>
        {
            if (response is null)
            {
                response = new FidelityResponse
                {
                    RoundId = id,
                    RespondentId = userId,
                    InstrumentKey = Definition.Key,
                    InstrumentVersion = Definition.Version,
                    AnswersJson = "{}",
                    SubmittedAtUtc = now,
                };
                db.Add(response);
            }
            else
            {
                _ = long.TryParse(Request.Form["version"], System.Globalization.CultureInfo.InvariantCulture, out var posted);
                ConcurrencyGuard.Expect(db, response, posted);
            }

            response.Record(result.Answers, Shared, now);
            await db.SaveChangesAsync();
        });
        if (outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Fidelity/Answer", new { id, saved = true });
        }

        // A stale form (edited in another tab) or two first saves at once: show what is stored now.
        await LoadAsync(id);
        ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
        return Page();
    }

    /// <summary>Progressive enhancement: which items are shown for the answers in the form so far (JSON).</summary>
    public async Task<IActionResult> OnPostVisibilityAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (loaded.Round is null)
        {
            return NotFound();
        }

        var clean = AnswerValidator.Validate(Definition, RawAnswers()).Answers;
        return new JsonResult(new { visible = Definition.VisibleItems(clean).Select(i => i.Id) });
    }

    private Dictionary<string, IReadOnlyList<string>> RawAnswers()
    {
        var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in Request.Form)
        {
            if (key.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                raw[key[FieldPrefix.Length..]] = Strings(values);
            }
        }

        return raw;
    }

    private static string[] Strings(StringValues values) => values.Select(v => v ?? "").ToArray();

    private async Task<(FidelityRound? Round, FidelityResponse? Response)> LoadAsync(int id)
    {
        Today = NorwegianTime.Today(time);
        var round = await db.Set<FidelityRound>().AsNoTracking().OfOwnTeam(User).Include(r => r.Team)
            .SingleOrDefaultAsync(r => r.Id == id);
        if (round is null)
        {
            return (null, null);
        }

        Round = new RoundHeader(round.Id, round.Team!.Name, round.Label, round.OpensOn, round.ClosesOn);
        Definition = await InstrumentStore.FindAsync(db, round.InstrumentKey, round.InstrumentVersion)
            ?? throw new InvalidOperationException($"Instrument {round.InstrumentKey} v{round.InstrumentVersion} is not stored.");
        var userId = User.UserId();
        var response = await db.Set<FidelityResponse>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.RoundId == id && x.RespondentId == userId);
        HasAnswered = response is not null;
        Answers = response?.Answers() ?? AnswerSet.Empty;
        Shared = response?.SharedWithSupervisor ?? false;
        Version = response?.Version ?? 0;
        Visible = Definition.VisibleItems(Answers).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return (round, response);
    }
}
