using Trinn.Core.Fidelity;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// The candidate's questionnaire scores across waves on the candidate page (chart + table of the numbers), with a
/// marker when job-related self-efficacy drops. The read is covered by the candidate page's own audit entry.
/// </summary>
public sealed class CandidateScoresViewComponent(TrinnDbContext db) : ViewComponent
{
    // On the candidate page, so compiled once per model (see PerModel); the team condition is CandidateAccess.VisibleTo's.
    private static readonly PerModel<Func<TrinnDbContext, int, int, IAsyncEnumerable<ScorePoint>>> ScoresQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int candidateId) => db.Set<SurveyScore>().AsNoTracking()
            .Where(s => s.CandidateId == candidateId && db.Candidates.Any(c => c.Id == candidateId && c.TeamId == teamId))
            .OrderBy(s => s.StudyId).ThenBy(s => s.WaveNumber)
            .Select(s => new ScorePoint(s.StudyId, s.WaveNumber, s.OffsetMonths, s.ConstructKey, s.Value, s.Unknown, s.Paper, s.InstrumentKey, s.InstrumentVersion, s.AnsweredAtUtc))
            .Take(1000)));

    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var visible = db.Candidates.AsNoTracking().VisibleTo(UserClaimsPrincipal).Where(c => c.Id == candidateId);
        List<ScorePoint> scores = UserClaimsPrincipal.VisibleTeamId() is { } teamId
            ? await ScoresQuery.For(db)(db, teamId, candidateId).ToListAsync()
            : [];
        // A score belongs to an answered wave, so only a candidate without scores needs the waves asked about, and only
        // one with scores has study names to look up: one read fewer either way on the most used page.
        var hasWaves = scores.Count > 0 || await db.Set<SurveyWave>().AnyAsync(w => w.CandidateId == candidateId && visible.Any());
        var studyIds = scores.Select(s => s.StudyId).Distinct().ToList();
        var studies = studyIds.Count == 0
            ? []
            : await db.Set<Study>().AsNoTracking().Where(s => studyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, version) in scores.Select(s => (s.InstrumentKey, s.InstrumentVersion)).Distinct())
        {
            if (await InstrumentStore.FindAsync(db, key, version) is { } definition)
            {
                foreach (var rule in definition.Scores)
                {
                    labels.TryAdd(rule.Id, rule.Label);
                }
            }
        }

        var groups = scores.GroupBy(s => s.StudyId).Select(g => new StudyScores(
            studies.GetValueOrDefault(g.Key, ""),
            g.Select(s => (s.WaveNumber, s.OffsetMonths, s.Paper)).Distinct().OrderBy(w => w.WaveNumber).ToList(),
            g.Select(s => s.ConstructKey).Distinct().ToList(),
            g.ToList(),
            SelfEfficacyDrop.Evaluate(g.Select(s => (s.WaveNumber, s.ConstructKey, s.Value))))).ToList();
        return View("/Features/Surveys/_CandidateScores.cshtml", new CandidateScores(candidateId, hasWaves, groups, labels));
    }
}

public sealed record ScorePoint(int StudyId, int WaveNumber, int OffsetMonths, string ConstructKey, decimal? Value, bool Unknown, bool Paper, string InstrumentKey, int InstrumentVersion, DateTime AnsweredAtUtc);

public sealed record StudyScores(
    string Study, IReadOnlyList<(int Number, int OffsetMonths, bool Paper)> Waves, IReadOnlyList<string> Constructs, IReadOnlyList<ScorePoint> Points,
    IReadOnlyList<(int Wave, decimal? Value, bool Dropped)> SelfEfficacy)
{
    public ScorePoint? At(string construct, int wave) => Points.FirstOrDefault(p => p.ConstructKey == construct && p.WaveNumber == wave);

    public bool AnyDrop => SelfEfficacy.Any(s => s.Dropped);
}

public sealed record CandidateScores(int CandidateId, bool HasWaves, IReadOnlyList<StudyScores> Studies, IReadOnlyDictionary<string, string> Labels);
