using System.Globalization;
using Trinn.Core.Candidates;
using Trinn.Core.Placements;

namespace Trinn.Core.Research;

/// <summary>
/// A study's export (<see cref="StudyDataset"/>) described for SPSS and R: categories as numeric codes with value labels,
/// "not applicable" as the user-missing code −1, one participant per row, and the placements as a repeated block (wide:
/// <c>placement_kind_1</c> …; long: one row per participant and placement), and the questionnaire waves as a second
/// repeated block (<see cref="WaveBlock"/>). Labels come from <c>text</c> (the caller's resources): variable labels under
/// <c>Var_{name}</c>, enum members under <c>{Enum}_{Member}</c>, and <c>Code_NotApplicable</c>, <c>Code_Ongoing</c>,
/// <c>Code_No</c>, <c>Code_Yes</c>, <c>Code_Stage</c> (with the stage number as {0}), <c>Code_Inclusion</c>,
/// <c>Code_Months</c> ({0} months), <c>Code_NotAnswered</c>, <c>Code_NotShown</c>, <c>Code_Ticked</c>, <c>Code_NotTicked</c>
/// and <c>Var_ticked</c> ({0} item, {1} option). Questionnaire items and constructs are labelled from the instrument.
/// </summary>
public static class StudyResearchDataset
{
    public const string NotApplicable = "-1";

    private static readonly string[] AgeBands = ["under 18", "18-29", "30-39", "40-49", "50-59", "60+"];
    private static readonly string[] Counts = ["stage_changes", "backward_moves", "placements", "paid_placements"];
    private static readonly string[] Measures = ["measure_lonnstilskudd", "measure_mentortilskudd", "measure_inkluderingstilskudd", "measure_tilretteleggingsplan"];

    public static ResearchDataset From(StudyDataset dataset, string title, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(text);
        ResearchVariable V(string name, VariableType type, MeasurementLevel level, IReadOnlyList<ValueLabel>? labels = null, IReadOnlyList<string>? missing = null) =>
            new(name, text("Var_" + name), type, level, labels, missing);
        List<ValueLabel> Coded<T>(bool notApplicable = false, string naKey = "Code_NotApplicable")
            where T : struct, Enum =>
            [.. System.Enum.GetValues<T>().Select(e => new ValueLabel(Convert.ToInt32(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), text($"{typeof(T).Name}_{e}"))),
             .. notApplicable ? new[] { new ValueLabel(NotApplicable, text(naKey)) } : []];
        List<ValueLabel> yesNo = [new("0", text("Code_No")), new("1", text("Code_Yes")), new(NotApplicable, text("Code_NotApplicable"))];
        string[] na = [NotApplicable];

        var variables = new List<ResearchVariable>
        {
            V("team", VariableType.Text, MeasurementLevel.Nominal),
            V("age_band", VariableType.Text, MeasurementLevel.Ordinal, [.. AgeBands.Select(b => new ValueLabel(b, b))]),
            V("referral_date", VariableType.Date, MeasurementLevel.Scale),
            V("innsatsgruppe", VariableType.Numeric, MeasurementLevel.Nominal, Coded<Innsatsgruppe>()),
        };
        variables.AddRange(Enumerable.Range(Stages.First, Stages.Last).Select(i => V($"stage{i}_date", VariableType.Date, MeasurementLevel.Scale)));
        variables.Add(V("current_stage", VariableType.Numeric, MeasurementLevel.Ordinal,
            [.. Enumerable.Range(Stages.First, Stages.Last).Select(i => new ValueLabel(i.ToString(CultureInfo.InvariantCulture), string.Format(CultureInfo.InvariantCulture, text("Code_Stage"), i)))]));
        variables.AddRange(Counts.Select(n => V(n, VariableType.Numeric, MeasurementLevel.Scale)));
        variables.Add(V("first_paid_job_date", VariableType.Date, MeasurementLevel.Scale));
        variables.AddRange(Measures.Select(n => V(n, VariableType.Numeric, MeasurementLevel.Scale)));
        variables.Add(V("discharge_date", VariableType.Date, MeasurementLevel.Scale));
        variables.Add(V("discharge_outcome", VariableType.Numeric, MeasurementLevel.Nominal, Coded<DischargeOutcome>(notApplicable: true), na));
        variables.Add(V("to_work_official", VariableType.Numeric, MeasurementLevel.Nominal, yesNo, na));
        variables.Add(V("to_work_broader", VariableType.Numeric, MeasurementLevel.Nominal, yesNo, na));
        variables.Add(V("days_in_programme", VariableType.Numeric, MeasurementLevel.Scale));
        if (dataset.IncludesFreeText)
        {
            variables.Add(V("free_referral_reason", VariableType.Text, MeasurementLevel.Nominal));
            variables.Add(V("free_discharge_note", VariableType.Text, MeasurementLevel.Nominal));
        }

        var placement = new RepeatedBlock(
            V("placement", VariableType.Numeric, MeasurementLevel.Ordinal),
            [
                V("placement_kind", VariableType.Numeric, MeasurementLevel.Nominal, Coded<PlacementKind>()),
                V("placement_market", VariableType.Numeric, MeasurementLevel.Nominal, Coded<LabourMarket>()),
                V("placement_percent", VariableType.Numeric, MeasurementLevel.Scale),
                V("placement_start", VariableType.Date, MeasurementLevel.Scale),
                V("placement_end", VariableType.Date, MeasurementLevel.Scale),
                V("placement_ending", VariableType.Numeric, MeasurementLevel.Nominal, Coded<PlacementEnding>(notApplicable: true, "Code_Ongoing"), na),
                V("placement_measures", VariableType.Text, MeasurementLevel.Nominal),
            ]);

        var (waveBlock, waveValues) = WaveBlock(dataset.Survey, text);
        ExportTable people = dataset.Table(StudyDataset.Participants);
        ExportTable jobs = dataset.Table(StudyDataset.PlacementsFile);
        var jobsOf = jobs.Rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int Col(ExportTable t, string name) => t.Columns.ToList().IndexOf(name) is >= 0 and var i ? i : throw new InvalidOperationException($"The {t.Name} table has no column '{name}'.");
        var records = new List<ParticipantRecord>(people.Rows.Count);
        foreach (object?[] row in people.Rows)
        {
            string id = (string)row[Col(people, "research_id")]!;
            object? Cell(string name) => row[Col(people, name)];
            var values = variables.Select(v => v.Name switch
            {
                "innsatsgruppe" => Code<Innsatsgruppe>(Cell(v.Name), null),
                "discharge_outcome" => Code<DischargeOutcome>(Cell(v.Name), -1),
                "to_work_official" or "to_work_broader" => Cell(v.Name) is bool b ? (b ? 1 : 0) : -1,
                _ => Cell(v.Name),
            }).ToList();
            IReadOnlyList<OccasionValues> own = [.. (jobsOf.GetValueOrDefault(id) ?? []).Select((j, i) => new OccasionValues(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                [
                    Code<PlacementKind>(j[Col(jobs, "kind")], null), Code<LabourMarket>(j[Col(jobs, "market")], null), j[Col(jobs, "position_percent")],
                    j[Col(jobs, "start_date")], j[Col(jobs, "end_date")], Code<PlacementEnding>(j[Col(jobs, "ending")], -1),
                    j[Col(jobs, "support_measures")] is string { Length: > 0 } m ? m : null,
                ]))];
            records.Add(new ParticipantRecord(id, values, new Dictionary<string, IReadOnlyList<OccasionValues>>
            {
                [waveBlock.Name] = waveValues.GetValueOrDefault(id) ?? [],
                [placement.Name] = own,
            }));
        }

        return new ResearchDataset(title, V("research_id", VariableType.Text, MeasurementLevel.Nominal), variables, [waveBlock, placement], records);
    }

    /// <summary>
    /// The questionnaire waves: one occasion per scheduled wave, coded by its offset in months (0 = inclusion), with the
    /// wave's status, target and answered dates, paper flag and instrument version; the background items (single choice
    /// as the instrument's codes, a multiple-choice item as one 0/1 variable per option named <c>{item}___{code}</c> as
    /// REDCap names them, numbers as they are); and every construct score. A construct whose items were not shown (the
    /// other branch) is the user-missing code −1; a "don't know" answer is the instrument's code (e.g. 8), user-missing
    /// too, so SPSS users can count it as the report did by removing it from MISSING VALUES.
    /// </summary>
    private static (RepeatedBlock Block, Dictionary<string, IReadOnlyList<OccasionValues>> Values) WaveBlock(StudySurvey survey, Func<string, string> text)
    {
        var shape = survey.Shape;
        ResearchVariable V(string name, VariableType type, MeasurementLevel level, IReadOnlyList<ValueLabel>? labels = null, IReadOnlyList<string>? missing = null) =>
            new(name, text("Var_" + name), type, level, labels, missing);
        string S(int i) => i.ToString(CultureInfo.InvariantCulture);
        var offsets = survey.Offsets.Count > 0 ? survey.Offsets : StudyProtocolDefaults;
        List<ValueLabel> waveLabels = [.. offsets.Select(o => new ValueLabel(S(o), o == 0 ? text("Code_Inclusion") : string.Format(CultureInfo.InvariantCulture, text("Code_Months"), o)))];
        List<ValueLabel> statusLabels = [.. Enum.GetValues<Surveys.WaveStatus>().Select(st => new ValueLabel(S((int)st), text("WaveStatus_" + st)))];
        ValueLabel notAnswered = new(NotApplicable, text("Code_NotAnswered"));
        ValueLabel notShown = new(NotApplicable, text("Code_NotShown"));
        string[] na = [NotApplicable];
        var variables = new List<ResearchVariable>
        {
            V("wave_status", VariableType.Numeric, MeasurementLevel.Nominal, statusLabels),
            V("wave_target_date", VariableType.Date, MeasurementLevel.Scale),
            V("wave_answered_date", VariableType.Date, MeasurementLevel.Scale),
            V("wave_paper", VariableType.Numeric, MeasurementLevel.Nominal, [new("0", text("Code_No")), new("1", text("Code_Yes")), notAnswered], na),
            V("wave_instrument_version", VariableType.Numeric, MeasurementLevel.Nominal, null, null) with { InstrumentVersion = shape.Instrument },
        };
        var itemColumns = new List<(BackgroundItem Item, string? Option)>();
        foreach (var item in shape.Items)
        {
            var options = item.Options.Select(o => new ValueLabel(o.Code, o.Label)).ToList();
            if (item.Type == Instruments.Definitions.ItemType.MultipleChoice)
            {
                foreach (var option in item.Options)
                {
                    variables.Add(new ResearchVariable($"{item.Id}___{option.Code}", string.Format(CultureInfo.InvariantCulture, text("Var_ticked"), item.Label, option.Label),
                        VariableType.Numeric, MeasurementLevel.Nominal, [new("0", text("Code_NotTicked")), new("1", text("Code_Ticked"))], null, shape.Instrument));
                    itemColumns.Add((item, option.Code));
                }
            }
            else
            {
                variables.Add(new ResearchVariable(item.Id, item.Label, VariableType.Numeric,
                    item.IsCategorical ? MeasurementLevel.Nominal : MeasurementLevel.Scale, item.IsCategorical ? options : null, null, shape.Instrument));
                itemColumns.Add((item, null));
            }
        }

        foreach (var c in shape.Constructs)
        {
            List<ValueLabel> labels = c.UnknownCode is { } u ? [new(u, c.UnknownLabel ?? u), notShown] : [notShown];
            variables.Add(new ResearchVariable(c.Key, c.Label, VariableType.Numeric, MeasurementLevel.Scale, labels, [.. labels.Select(l => l.Code)], shape.Instrument));
        }

        var block = new RepeatedBlock(V("wave", VariableType.Numeric, MeasurementLevel.Ordinal, waveLabels), variables);
        var byParticipant = survey.Waves.ToLookup(w => w.ResearchId, StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyList<OccasionValues>>(StringComparer.Ordinal);
        foreach (var id in survey.Teams.Keys.Concat(survey.Waves.Select(w => w.ResearchId)).Distinct(StringComparer.Ordinal))
        {
            values[id] = [.. byParticipant[id].Select(w =>
            {
                var row = new List<object?> { (int)w.Status, w.TargetDate, w.AnsweredOn, w.IsAnswered ? (w.Paper ? 1 : 0) : -1, w.InstrumentVersion };
                foreach (var (item, option) in itemColumns)
                {
                    var given = w.Items.TryGetValue(item.Id, out var v) ? v : null;
                    row.Add(option is not null ? (given is null ? null : given.Contains(option) ? 1 : 0)
                        : given is [var one] && decimal.TryParse(one, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null);
                }

                foreach (var c in shape.Constructs)
                {
                    var score = w.Scores.GetValueOrDefault(c.Key);
                    row.Add(score.Value is { } x ? x
                        : score.Unknown && c.UnknownCode is { } code && decimal.TryParse(code, NumberStyles.Number, CultureInfo.InvariantCulture, out var uc) ? uc
                        : score.NotApplicable ? -1
                        : null);
                }

                return new OccasionValues(S(w.OffsetMonths), row);
            })];
        }

        return (block, values);
    }

    private static readonly IReadOnlyList<int> StudyProtocolDefaults = Surveys.StudyProtocol.DefaultOffsets;

    private static int? Code<T>(object? value, int? absent)
        where T : struct, Enum =>
        value is string name && Enum.TryParse(name, out T parsed) ? Convert.ToInt32(parsed, CultureInfo.InvariantCulture) : absent;
}
