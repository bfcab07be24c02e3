using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Surveys;

namespace Trinn.Core.Research;

/// <summary>
/// A questionnaire item shown to everyone that describes the participant rather than measuring a construct (the
/// report's Table 2 rows: gender, in work, reading and writing, benefits, expectations, satisfaction, age).
/// <paramref name="BranchKey"/>: other items are shown or hidden by its answer (e.g. "Er du i arbeid?").
/// </summary>
public sealed record BackgroundItem(string Id, string Label, ItemType Type, IReadOnlyList<OptionDefinition> Options, bool BranchKey)
{
    public bool IsCategorical => Type is ItemType.SingleChoice or ItemType.MultipleChoice;

    /// <summary>The option's label, or the code itself when the instrument has no such option.</summary>
    public string OptionLabel(string code) => Options.FirstOrDefault(o => o.Code == code)?.Label ?? code;
}

/// <summary>A construct score of the study's instrument, as the analyses and the codebook describe it.</summary>
/// <param name="UnknownCode">The item code meaning "don't know" (e.g. 8 for RTW expectancy), written in exports as a user-missing code.</param>
public sealed record SurveyConstruct(string Key, string Label, decimal? RangeMin, decimal? RangeMax, bool HigherIsBetter, string? UnknownCode, string? UnknownLabel);

/// <summary>One construct value of one wave. <see cref="NotApplicable"/>: none of its items were shown (another branch).</summary>
public readonly record struct ConstructValue(decimal? Value, bool Unknown, bool NotApplicable);

/// <summary>One scheduled wave of one participant, with its answers to the background items and its construct scores.</summary>
public sealed record ParticipantWave(
    string ResearchId,
    int Number,
    int OffsetMonths,
    WaveStatus Status,
    DateOnly TargetDate,
    DateOnly? AnsweredOn,
    bool Paper,
    string InstrumentKey,
    int InstrumentVersion,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Items,
    IReadOnlyDictionary<string, ConstructValue> Scores)
{
    public bool IsAnswered => Status == WaveStatus.Answered;
}

/// <summary>What a study's questionnaire holds, from the protocol's instrument: its background items and constructs.</summary>
public sealed record SurveyShape(string? Instrument, IReadOnlyList<BackgroundItem> Items, IReadOnlyList<SurveyConstruct> Constructs)
{
    public static SurveyShape None { get; } = new(null, [], []);

    /// <summary>The first single-choice item that branches the questionnaire (the report's "in work / not in work").</summary>
    public BackgroundItem? DefaultGroupItem =>
        Items.FirstOrDefault(i => i.BranchKey && i.Type == ItemType.SingleChoice) ?? Items.FirstOrDefault(i => i.Type == ItemType.SingleChoice);

    /// <summary>
    /// Background items: single- and multiple-choice items, numbers and scales shown to everyone (no branching condition)
    /// that are not part of a multi-item construct; a number or scale that is itself a construct (work ability) is
    /// left to the construct. Constructs are every score rule, in the instrument's order.
    /// </summary>
    public static SurveyShape From(InstrumentDefinition? definition)
    {
        if (definition is null)
        {
            return None;
        }

        var inMultiItemScore = definition.Scores.Where(s => s.Items.Count > 1).SelectMany(s => s.Items).ToHashSet(StringComparer.Ordinal);
        var inAnyScore = definition.Scores.SelectMany(s => s.Items).ToHashSet(StringComparer.Ordinal);
        var branchKeys = definition.Items.Where(i => i.ShowIf is not null)
            .SelectMany(i => BranchingExpression.TryParse(i.ShowIf!, out var e, out _) ? e!.References.Select(r => r.ItemId) : Enumerable.Empty<string>())
            .ToHashSet(StringComparer.Ordinal);
        var items = definition.Items
            .Where(i => i.ShowIf is null)
            .Where(i => i.Type switch
            {
                ItemType.SingleChoice or ItemType.MultipleChoice => !inMultiItemScore.Contains(i.Id),
                ItemType.Number or ItemType.Scale => !inAnyScore.Contains(i.Id),
                ItemType.Descriptive or ItemType.ForcedChoice or ItemType.Date or ItemType.Text or _ => false,
            })
            .Select(i => new BackgroundItem(i.Id, i.Label, i.Type, i.Options, branchKeys.Contains(i.Id)))
            .ToList();
        var constructs = definition.Scores.Select(s =>
        {
            string? unknown = s.UnknownCodes.Count > 0 ? s.UnknownCodes[0] : null;
            string? unknownLabel = unknown is null ? null : s.Items.Select(definition.FindItem).FirstOrDefault(i => i?.FindOption(unknown) is not null)?.FindOption(unknown)!.Label;
            return new SurveyConstruct(s.Id, s.Label, s.RangeMin, s.RangeMax, s.HigherIsBetter, unknown, unknown is null ? null : unknownLabel ?? unknown);
        }).ToList();
        return new SurveyShape(definition.Key + " v" + definition.Version.ToString(CultureInfo.InvariantCulture), items, constructs);
    }
}

/// <summary>
/// A study's questionnaire data for research: every participant (by research ID and coded team), every scheduled wave
/// with its status, and for answered waves the background items and the stored construct scores. Pseudonymous: no
/// names, national IDs or free text are read (free-text items are never background items).
/// </summary>
public sealed class StudySurvey
{
    public StudySurvey(SurveyShape shape, IReadOnlyList<int> offsets, IReadOnlyDictionary<string, string> teams, IReadOnlyList<ParticipantWave> waves)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(waves);
        (Shape, Offsets, Teams, Waves) = (shape, offsets, teams, waves);
    }

    public SurveyShape Shape { get; }

    /// <summary>The waves' offsets in months (the protocol's, and any other a participant was scheduled with), ascending.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Every participant of the study: research ID → team code (T1, T2 …).</summary>
    public IReadOnlyDictionary<string, string> Teams { get; }

    /// <summary>Every scheduled wave, ordered by research ID and wave number.</summary>
    public IReadOnlyList<ParticipantWave> Waves { get; }

    public int ParticipantCount => Teams.Count;

    /// <summary>Loads a study's questionnaire data. <paramref name="today"/> decides the status of unanswered waves.</summary>
    public static async Task<StudySurvey> LoadAsync(TrinnDbContext db, int studyId, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var protocol = await db.Set<StudyProtocol>().AsNoTracking().Where(p => p.StudyId == studyId)
            .Select(p => new { p.InstrumentKey, p.InstrumentVersion, p.WaveOffsets }).SingleOrDefaultAsync(ct);
        var teamCodes = await StudyDataset.TeamCodesAsync(db, studyId, ct);
        var participants = await db.Set<StudyParticipant>().AsNoTracking().Where(p => p.StudyId == studyId)
            .Select(p => new { p.ResearchId, p.Candidate!.TeamId }).ToListAsync(ct);
        var waves = await db.Set<SurveyWave>().AsNoTracking().Where(w => w.StudyId == studyId)
            .Select(w => new
            {
                w.Id,
                w.Participant!.ResearchId,
                w.Number,
                w.OffsetMonths,
                w.OpensOn,
                w.ClosesOn,
                w.TargetDate,
                Invited = w.InvitedAtUtc != null,
                w.SubmittedAtUtc,
                w.Withdrawn,
                w.Paper,
                w.InstrumentKey,
                w.InstrumentVersion,
                Answers = w.SubmittedAtUtc != null ? w.AnswersJson : null,
            })
            .ToListAsync(ct);
        var scores = (await db.Set<SurveyScore>().AsNoTracking().Where(s => s.StudyId == studyId)
                .Select(s => new { s.WaveId, s.ConstructKey, s.Value, s.Unknown, s.Answered })
                .ToListAsync(ct))
            .ToLookup(s => s.WaveId);

        var definitions = new Dictionary<(string, int), InstrumentDefinition?>();
        foreach (var (key, version) in waves.Select(w => (w.InstrumentKey, w.InstrumentVersion))
                     .Concat(protocol is null ? [] : [(protocol.InstrumentKey, protocol.InstrumentVersion)]).Distinct())
        {
            definitions[(key, version)] = await InstrumentStore.FindAsync(db, key, version, ct);
        }

        var shape = SurveyShape.From(protocol is null ? null : definitions[(protocol.InstrumentKey, protocol.InstrumentVersion)]);
        var backgroundIds = shape.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ParticipantWave>(waves.Count);
        foreach (var w in waves.OrderBy(w => w.ResearchId, StringComparer.Ordinal).ThenBy(w => w.Number))
        {
            var status = w.SubmittedAtUtc is not null ? WaveStatus.Answered
                : w.Withdrawn ? WaveStatus.Withdrawn
                : SurveyWave.Status(today, w.OpensOn, w.ClosesOn, w.TargetDate, w.Invited);
            var answers = w.Answers is null
                ? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
                : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(w.Answers)!
                    .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
            var definition = definitions.GetValueOrDefault((w.InstrumentKey, w.InstrumentVersion));
            var visible = definition is null || w.Answers is null
                ? null
                : definition.VisibleItems(new AnswerSet { Values = answers }).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var values = new Dictionary<string, ConstructValue>(StringComparer.Ordinal);
            foreach (var s in scores[w.Id])
            {
                var rule = definition?.Scores.FirstOrDefault(r => r.Id == s.ConstructKey);
                var notApplicable = s.Value is null && s.Answered == 0 && visible is not null && rule is not null && !rule.Items.Any(visible.Contains);
                values[s.ConstructKey] = new ConstructValue(s.Value, s.Unknown, notApplicable);
            }

            rows.Add(new ParticipantWave(
                w.ResearchId, w.Number, w.OffsetMonths, status, w.TargetDate,
                w.SubmittedAtUtc is { } at ? Common.NorwegianDate.Of(at) : null,
                w.Paper, w.InstrumentKey, w.InstrumentVersion,
                answers.Where(a => backgroundIds.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
                values));
        }

        var offsets = ParseOffsets(protocol?.WaveOffsets).Concat(rows.Select(r => r.OffsetMonths)).Distinct().Order().ToList();
        var teams = participants.ToDictionary(p => p.ResearchId, p => teamCodes.GetValueOrDefault(p.TeamId, "T?"), StringComparer.Ordinal);
        return new StudySurvey(shape, offsets, teams, rows);
    }

    /// <summary>The shape of a study's questionnaire (its protocol's instrument), without reading any answers: for codebooks.</summary>
    public static async Task<SurveyShape> ShapeAsync(TrinnDbContext db, int studyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var protocol = await db.Set<StudyProtocol>().AsNoTracking().Where(p => p.StudyId == studyId)
            .Select(p => new { p.InstrumentKey, p.InstrumentVersion }).SingleOrDefaultAsync(ct);
        return protocol is null ? SurveyShape.None : SurveyShape.From(await InstrumentStore.FindAsync(db, protocol.InstrumentKey, protocol.InstrumentVersion, ct));
    }

    /// <summary>The answered wave of each participant at <paramref name="offset"/> months (one per participant).</summary>
    public IReadOnlyList<ParticipantWave> AnsweredAt(int offset) =>
        [.. Waves.Where(w => w.OffsetMonths == offset && w.IsAnswered).GroupBy(w => w.ResearchId).Select(g => g.First())];

    /// <summary>A construct's values per participant (rows, by research ID) and offset (columns); null where missing.</summary>
    public IReadOnlyList<(string ResearchId, decimal?[] Values)> Matrix(string construct, IReadOnlyList<int> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var byParticipant = Waves.Where(w => w.IsAnswered).ToLookup(w => w.ResearchId);
        return [.. Teams.Keys.Order(StringComparer.Ordinal).Select(id =>
        {
            var own = byParticipant[id].ToList();
            return (id, offsets.Select(o => own.FirstOrDefault(w => w.OffsetMonths == o)?.Scores.GetValueOrDefault(construct).Value).ToArray());
        })];
    }

    private static IEnumerable<int> ParseOffsets(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : -1)
            .Where(o => o >= 0);
}
