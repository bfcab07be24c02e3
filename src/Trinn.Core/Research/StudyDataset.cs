using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Placements;

namespace Trinn.Core.Research;

/// <summary>One sheet or CSV file of a research export: column names and rows of plain values.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// A study's pseudonymous dataset: rows keyed by research ID only, with team as a code (T1, T2 …), age as a band, and
/// dates, stages, placement kinds and outcomes. Names, national IDs, contact details and free text are never read,
/// except the free-text columns an admin opts in to for one export (<see cref="LoadAsync"/>).
/// </summary>
public sealed class StudyDataset
{
    public const string Participants = "participants";
    public const string StageChanges = "stage_changes";
    public const string PlacementsFile = "placements";
    public const string WavesFile = "waves";
    public const string Journal = "journal";

    public static readonly IReadOnlyList<string> Files = [Participants, StageChanges, PlacementsFile, WavesFile];

    internal StudyDataset(IReadOnlyList<ExportTable> tables, bool includesFreeText, StudySurvey survey)
    {
        Tables = tables;
        IncludesFreeText = includesFreeText;
        Survey = survey;
    }

    public IReadOnlyList<ExportTable> Tables { get; }

    public bool IncludesFreeText { get; }

    /// <summary>The study's questionnaire waves and construct scores, typed (the <c>waves</c> table shows them as plain values).</summary>
    public StudySurvey Survey { get; }

    public int ParticipantCount => Table(Participants).Rows.Count;

    public ExportTable Table(string name) => Tables.Single(t => t.Name == name);

    /// <summary>
    /// A dataset without participants (its tables have no columns): the shape of an export, for codebooks. With
    /// <paramref name="survey"/> (the study's questionnaire) the wave variables are described too.
    /// </summary>
    public static StudyDataset Empty(bool includeFreeText = false, SurveyShape? survey = null) =>
        new([new(Participants, [], []), new(StageChanges, [], []), new(PlacementsFile, [], []), new(WavesFile, [], [])], includeFreeText,
            new StudySurvey(survey ?? SurveyShape.None, [], new Dictionary<string, string>(), []));

    /// <summary>
    /// Loads the dataset of one study. <paramref name="includeFreeText"/> adds the referral reason, the discharge note,
    /// stage-change reasons and a journal table; only an admin's explicit, audited choice may pass true.
    /// </summary>
    public static async Task<StudyDataset> LoadAsync(TrinnDbContext db, int studyId, bool includeFreeText, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teamCodes = await TeamCodesAsync(db, studyId, ct);
        var people = await db.Set<StudyParticipant>().AsNoTracking()
            .Where(p => p.StudyId == studyId)
            .Select(p => new
            {
                p.CandidateId,
                p.ResearchId,
                p.AgeBand,
                p.Candidate!.TeamId,
                p.Candidate.Stage,
                p.Candidate.DischargedOn,
                p.Candidate.DischargeOutcome,
                ReferredOn = p.Candidate.Referral != null ? p.Candidate.Referral.ReferredOn : (DateOnly?)null,
                Innsatsgruppe = p.Candidate.Referral != null ? p.Candidate.Referral.Innsatsgruppe : (Innsatsgruppe?)null,
            })
            .ToListAsync(ct);
        var ids = people.Select(p => p.CandidateId).ToList();
        var stages = await db.StageChanges.AsNoTracking().Where(s => ids.Contains(s.CandidateId))
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.CandidateId, s.Date, s.FromStage, s.ToStage })
            .ToListAsync(ct);
        var placements = await db.Set<Placement>().AsNoTracking().Where(p => ids.Contains(p.CandidateId))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new { p.CandidateId, p.Kind, p.Market, p.PositionPercent, p.StartDate, p.EndDate, p.Ending, Measures = p.Measures.Select(m => m.Kind).ToList() })
            .ToListAsync(ct);

        var researchIdOf = people.ToDictionary(p => p.CandidateId, p => p.ResearchId);
        var stagesOf = stages.ToLookup(s => s.CandidateId);
        var placementsOf = placements.ToLookup(p => p.CandidateId);
        var maxPlacements = people.Count == 0 ? 0 : people.Max(p => placementsOf[p.CandidateId].Count());

        var participantColumns = new List<string>
        {
            "research_id", "team", "age_band", "referral_date", "innsatsgruppe",
            "stage1_date", "stage2_date", "stage3_date", "stage4_date", "stage5_date", "current_stage",
            "stage_changes", "backward_moves", "placements", "paid_placements", "first_paid_job_date",
            "measure_lonnstilskudd", "measure_mentortilskudd", "measure_inkluderingstilskudd", "measure_tilretteleggingsplan",
            "discharge_date", "discharge_outcome", "to_work_official", "to_work_broader", "days_in_programme",
        };
        for (var i = 1; i <= maxPlacements; i++)
        {
            participantColumns.AddRange(
                [$"placement{i}_kind", $"placement{i}_market", $"placement{i}_percent", $"placement{i}_start", $"placement{i}_end", $"placement{i}_ending"]);
        }

        Dictionary<int, (string? Referral, string? Discharge)> freeText = [];
        if (includeFreeText)
        {
            participantColumns.AddRange(["free_referral_reason", "free_discharge_note"]);
            freeText = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, Referral = c.Referral != null ? c.Referral.Reason : null, c.DischargeNote })
                .ToDictionaryAsync(c => c.Id, c => (c.Referral, c.DischargeNote), ct);
        }

        var participantRows = new List<object?[]>();
        foreach (var p in people.OrderBy(p => p.ResearchId, StringComparer.Ordinal))
        {
            var own = stagesOf[p.CandidateId].ToList();
            var jobs = placementsOf[p.CandidateId].ToList();
            var measures = jobs.SelectMany(j => j.Measures).ToList();
            var row = new List<object?>
            {
                p.ResearchId,
                teamCodes.GetValueOrDefault(p.TeamId, "T?"),
                p.AgeBand,
                p.ReferredOn,
                p.Innsatsgruppe?.ToString(),
            };
            for (var stage = Stages.First; stage <= Stages.Last; stage++)
            {
                row.Add(own.FirstOrDefault(s => s.ToStage == stage)?.Date);
            }

            row.Add(p.Stage);
            row.Add(own.Count(s => s.FromStage is not null));
            row.Add(own.Count(s => s.FromStage is { } from && s.ToStage < from));
            row.Add(jobs.Count);
            row.Add(jobs.Count(j => Placement.IsPaidKind(j.Kind)));
            row.Add(jobs.FirstOrDefault(j => Placement.IsPaidKind(j.Kind))?.StartDate);
            foreach (var kind in new[] { SupportMeasureKind.Lonnstilskudd, SupportMeasureKind.Mentortilskudd, SupportMeasureKind.Inkluderingstilskudd, SupportMeasureKind.Tilretteleggingsplan })
            {
                row.Add(measures.Count(m => m == kind));
            }

            row.Add(p.DischargedOn);
            row.Add(p.DischargeOutcome?.ToString());
            row.Add(p.DischargeOutcome is { } o ? DischargeOutcomeDefinitions.CountsToWorkOfficial(o) : null);
            row.Add(p.DischargeOutcome is { } b ? DischargeOutcomeDefinitions.CountsToWorkBroader(b) : null);
            row.Add(p.ReferredOn is { } start ? Math.Max(0, (p.DischargedOn ?? today).DayNumber - start.DayNumber) : null);
            for (var i = 0; i < maxPlacements; i++)
            {
                var j = i < jobs.Count ? jobs[i] : null;
                row.AddRange([j?.Kind.ToString(), j?.Market.ToString(), j?.PositionPercent, j?.StartDate, j?.EndDate, j?.Ending?.ToString()]);
            }

            if (includeFreeText)
            {
                var text = freeText.GetValueOrDefault(p.CandidateId);
                row.AddRange([text.Referral, text.Discharge]);
            }

            participantRows.Add([.. row]);
        }

        var stageColumns = new List<string> { "research_id", "date", "from_stage", "to_stage", "backward" };
        var stageRows = new List<object?[]>();
        if (includeFreeText)
        {
            stageColumns.Add("free_reason");
        }

        var stageReasons = includeFreeText
            ? (await db.StageChanges.AsNoTracking().Where(s => ids.Contains(s.CandidateId)).OrderBy(s => s.Date).ThenBy(s => s.Id)
                .Select(s => s.Reason).ToListAsync(ct))
            : null;
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            var row = new List<object?> { researchIdOf[s.CandidateId], s.Date, s.FromStage, s.ToStage, s.FromStage is { } f && s.ToStage < f };
            if (stageReasons is not null)
            {
                row.Add(stageReasons[i]);
            }

            stageRows.Add([.. row]);
        }

        var placementRows = placements
            .Select(p => new object?[]
            {
                researchIdOf[p.CandidateId], p.Kind.ToString(), p.Market.ToString(), p.PositionPercent, p.StartDate, p.EndDate, p.Ending?.ToString(),
                string.Join(';', p.Measures.Order().Select(m => m.ToString())),
            })
            .ToList();
        var survey = await StudySurvey.LoadAsync(db, studyId, today, ct);
        var tables = new List<ExportTable>
        {
            new(Participants, participantColumns, participantRows),
            new(StageChanges, stageColumns, SortByResearchId(stageRows)),
            new(PlacementsFile, ["research_id", "kind", "market", "position_percent", "start_date", "end_date", "ending", "support_measures"], SortByResearchId(placementRows)),
            WavesTable(survey),
        };
        if (includeFreeText)
        {
            var notes = await db.JournalNotes.AsNoTracking().Where(n => ids.Contains(n.CandidateId)).OrderBy(n => n.Date).ThenBy(n => n.Id)
                .Select(n => new { n.CandidateId, n.Date, n.Kind, n.Text }).ToListAsync(ct);
            tables.Add(new(Journal, ["research_id", "date", "kind", "free_text"],
                SortByResearchId(notes.Select(n => new object?[] { researchIdOf[n.CandidateId], n.Date, n.Kind.ToString(), n.Text }).ToList())));
        }

        return new StudyDataset(tables, includeFreeText, survey);
    }

    /// <summary>
    /// One row per participant and scheduled wave: status, dates, paper, instrument, the background items (codes; a
    /// multiple-choice item as its ticked codes joined by ";") and every construct score (empty when missing or not
    /// asked; a "don't know" answer is flagged in <c>{construct}_unknown</c>).
    /// </summary>
    internal static ExportTable WavesTable(StudySurvey survey)
    {
        var shape = survey.Shape;
        var unknowable = shape.Constructs.Where(c => c.UnknownCode is not null).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var columns = new List<string> { "research_id", "wave", "offset_months", "status", "target_date", "answered_date", "paper", "instrument", "instrument_version" };
        columns.AddRange(shape.Items.Select(i => i.Id));
        columns.AddRange(shape.Constructs.SelectMany(c => unknowable.Contains(c.Key) ? new[] { c.Key, c.Key + "_unknown" } : [c.Key]));
        var rows = survey.Waves.Select(w =>
        {
            var row = new List<object?>
            {
                w.ResearchId, w.Number, w.OffsetMonths, w.Status.ToString(), w.TargetDate, w.AnsweredOn, w.IsAnswered ? w.Paper : null,
                w.InstrumentKey, w.InstrumentVersion,
            };
            row.AddRange(shape.Items.Select(i => !w.Items.TryGetValue(i.Id, out var v) ? null
                : i.Type != Instruments.Definitions.ItemType.MultipleChoice && v.Count == 1 && decimal.TryParse(v[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
                : (object)string.Join(';', v)));
            foreach (var c in shape.Constructs)
            {
                var value = w.Scores.TryGetValue(c.Key, out var score) ? score : (ConstructValue?)null;
                row.Add(value?.Value);
                if (unknowable.Contains(c.Key))
                {
                    row.Add(value?.Unknown);
                }
            }

            return row.ToArray();
        }).ToList();
        return new ExportTable(WavesFile, columns, rows);
    }

    /// <summary>Team codes in the order of team id, so the same study gives the same codes in every export.</summary>
    public static async Task<Dictionary<int, string>> TeamCodesAsync(TrinnDbContext db, int studyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var whole = await db.Set<Study>().Where(s => s.Id == studyId).Select(s => s.WholeOrganisation).SingleAsync(ct);
        var teamIds = whole
            ? await db.Teams.Select(t => t.Id).OrderBy(id => id).ToListAsync(ct)
            : await db.Set<StudyTeam>().Where(t => t.StudyId == studyId).Select(t => t.TeamId).OrderBy(id => id).ToListAsync(ct);
        return teamIds.Select((id, i) => (id, code: "T" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.id, x => x.code);
    }

    /// <summary>
    /// One table as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read æøå), comma separated, invariant
    /// culture, ISO dates, flags as 1/0, empty for unknown.
    /// </summary>
    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ',',
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
            // Free text opened in a spreadsheet must not run as a formula.
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader([.. table.Columns]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord(row.Select(Format).ToArray());
            }
        }

        return stream.ToArray();
    }

    /// <summary>The text of one cell, the same in CSV and spreadsheet exports.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<object?[]> SortByResearchId(List<object?[]> rows) =>
        rows.Select((r, i) => (r, i)).OrderBy(x => (string)x.r[0]!, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.r).ToList();
}
