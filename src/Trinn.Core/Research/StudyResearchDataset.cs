using System.Globalization;
using Trinn.Core.Candidates;
using Trinn.Core.Placements;

namespace Trinn.Core.Research;

/// <summary>
/// A study's export (<see cref="StudyDataset"/>) described for SPSS and R: categories as numeric codes with value labels,
/// "not applicable" as the user-missing code −1, one participant per row, and the placements as a repeated block (wide:
/// <c>placement_kind_1</c> …; long: one row per participant and placement). Waves and construct scores will join as more
/// variables and a <c>wave</c> block. Labels come from <c>text</c> (the caller's resources): variable labels under
/// <c>Var_{name}</c>, enum members under <c>{Enum}_{Member}</c>, and <c>Code_NotApplicable</c>, <c>Code_Ongoing</c>,
/// <c>Code_No</c>, <c>Code_Yes</c>, <c>Code_Stage</c> (with the stage number as {0}).
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
            records.Add(new ParticipantRecord(id, values, new Dictionary<string, IReadOnlyList<OccasionValues>> { [placement.Name] = own }));
        }

        return new ResearchDataset(title, V("research_id", VariableType.Text, MeasurementLevel.Nominal), variables, [placement], records);
    }

    private static int? Code<T>(object? value, int? absent)
        where T : struct, Enum =>
        value is string name && Enum.TryParse(name, out T parsed) ? Convert.ToInt32(parsed, CultureInfo.InvariantCulture) : absent;
}
