using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Privacy;
using Trinn.Statistics.Contract;
using Trinn.Statistics.Inference;

namespace Trinn.Core.Research;

/// <summary>A column group of Table 2: its code (item code, or the team's index) and what it is called (option label, team code).</summary>
public sealed record GroupLabel(decimal Code, string Label);

/// <summary>
/// A multiple-choice item in Table 2: per option the people who ticked it, per column; percentages are of those in the
/// column who answered the item (several options can be ticked, so they do not add up to 100).
/// </summary>
public sealed record MultiChoiceCharacteristic(IReadOnlyList<(string Code, IReadOnlyList<CountCell> Cells)> Options, IReadOnlyList<int> Answered);

/// <summary>One row block of Table 2, in the questionnaire's order: a background item (categorical, multiple choice or number) or a construct.</summary>
public sealed record Table2Block(string Id, string Label, BackgroundItem? Item, CategoricalCharacteristic? Categorical, MultiChoiceCharacteristic? Multi, ContinuousCharacteristic? Continuous);

/// <summary>An independent-samples t test of one construct between the two groups, hidden when a group has fewer than the threshold.</summary>
public sealed record GroupTTest(SurveyConstruct Construct, int N1, int N2, bool Hidden, IndependentTTestResult? Result);

/// <summary>
/// The report's Table 2 from a study's own data: the participants who answered the wave at <see cref="Offset"/> months,
/// as the whole sample and by group (a background item's answer at that wave, e.g. in work / not in work, or the coded
/// team), with counts and % per category and mean (SD) per number and construct; then independent t tests between the
/// two groups for every construct answered in both.
/// </summary>
public sealed record StudyTable2(
    int Offset,
    BackgroundItem? GroupItem,
    IReadOnlyList<GroupLabel> Groups,
    IReadOnlyList<GroupCharacteristicsColumn> Columns,
    IReadOnlyList<Table2Block> Blocks,
    IReadOnlyList<GroupTTest> TTests,
    int Participants,
    int Answered,
    int WithoutGroup,
    int Threshold);

/// <summary>Why an analysis could not be run.</summary>
public enum AnalysisProblem
{
    None,

    /// <summary>Fewer than two participants (RM-ANOVA: with every chosen wave).</summary>
    TooFewParticipants,

    /// <summary>The model cannot be estimated (e.g. no variation within participants, a wave without answers).</summary>
    NotEstimable,
}

/// <summary>
/// A construct's repeated-measures ANOVA over the chosen waves (listwise: participants with a value at every one).
/// <see cref="Excluded"/> counts participants with some but not all of the waves. Hidden when fewer than the threshold are used.
/// </summary>
public sealed record ChangeRow(SurveyConstruct Construct, int Used, int Excluded, bool Hidden, RepeatedMeasuresAnovaResult? Result, AnalysisProblem Problem);

/// <summary>
/// The linear mixed model (random intercept, categorical wave, REML) of the same construct on every available value.
/// <see cref="WaveHidden"/>: an estimated wave mean resting on fewer observations than the threshold is not shown.
/// </summary>
public sealed record MixedModelSide(int Participants, int Observations, bool Hidden, LinearMixedModelResult? Result, IReadOnlyList<bool> WaveHidden, AnalysisProblem Problem);

/// <summary>Table 3 from a study's own data: one repeated-measures row per construct over the chosen waves.</summary>
public sealed record StudyTable3(IReadOnlyList<int> Offsets, IReadOnlyList<ChangeRow> Rows, int Participants, int Threshold);

/// <summary>The two analyses of change for one construct, side by side: RM-ANOVA (listwise) and the mixed model (all waves).</summary>
public sealed record ChangeComparison(SurveyConstruct Construct, IReadOnlyList<int> Offsets, ChangeRow Anova, MixedModelSide Mixed, int Threshold);

/// <summary>
/// The report's analyses on a study's own questionnaire data (<see cref="StudySurvey"/>): Table 2 with t tests, Table 3,
/// and the comparison of RM-ANOVA and the mixed model. Numbers come from Trinn.Statistics; what is shown obeys
/// <see cref="SmallCellSuppression"/>: counts below the threshold are hidden with their complements, means and tests of
/// fewer than the threshold are hidden, and where one group's mean is hidden the whole sample's is too (else it could be
/// worked out from the whole and the other groups).
/// </summary>
public static class StudyAnalyses
{
    /// <summary>Table 2 at one wave, grouped by <paramref name="groupItemId"/> (a single-choice background item) or, when null, by team.</summary>
    public static StudyTable2 Table2(StudySurvey survey, int offset, string? groupItemId, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var shape = survey.Shape;
        var waves = survey.AnsweredAt(offset);
        var groupItem = groupItemId is null ? null : shape.Items.FirstOrDefault(i => i.Id == groupItemId && i.Type == ItemType.SingleChoice);
        List<GroupLabel> groups;
        decimal?[] groupColumn;
        if (groupItem is not null)
        {
            groups = [.. groupItem.Options.Select(o => (Option: o, Code: Code(o.Code))).Where(x => x.Code is not null).Select(x => new GroupLabel(x.Code!.Value, x.Option.Label))];
            groupColumn = [.. waves.Select(w => Single(w, groupItem.Id))];
        }
        else
        {
            var teams = survey.Teams.Values.Distinct().Order(StringComparer.Ordinal).ToList();
            groups = [.. teams.Select((t, i) => new GroupLabel(i + 1, t))];
            groupColumn = [.. waves.Select(w => (decimal?)(teams.IndexOf(survey.Teams.GetValueOrDefault(w.ResearchId, "T?")) + 1))];
        }

        var columns = new Dictionary<string, IReadOnlyList<decimal?>>(StringComparer.Ordinal) { ["\u0001group"] = groupColumn };
        var single = shape.Items.Where(i => i.Type == ItemType.SingleChoice && i != groupItem).ToList();
        var numbers = shape.Items.Where(i => !i.IsCategorical).ToList();
        foreach (var item in single.Concat(numbers))
        {
            columns[item.Id] = [.. waves.Select(w => Single(w, item.Id))];
        }

        foreach (var construct in shape.Constructs)
        {
            columns["\u0001" + construct.Key] = [.. waves.Select(w => w.Scores.GetValueOrDefault(construct.Key).Value)];
        }

        var table = GroupCharacteristics.Build(new InMemoryColumns(columns), "\u0001group", [.. single.Select(i => i.Id)],
            [.. numbers.Select(i => i.Id), .. shape.Constructs.Select(c => "\u0001" + c.Key)], threshold);

        // Only the groups that occur are columns; keep their labels in the same order.
        var present = table.Columns.Skip(1).Select(c => groups.FirstOrDefault(g => g.Code == c.Code) ?? new GroupLabel(c.Code!.Value, c.Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var included = waves.Select((w, i) => (w, g: groupColumn[i])).Where(x => x.g is not null).ToList();
        var blocks = new List<Table2Block>();
        foreach (var item in shape.Items.Where(i => i != groupItem))
        {
            blocks.Add(item.Type switch
            {
                ItemType.SingleChoice => new Table2Block(item.Id, item.Label, item, table.Categorical.Single(c => c.Variable == item.Id), null, null),
                ItemType.MultipleChoice => new Table2Block(item.Id, item.Label, item, null, Multi(item, included, present, threshold), null),
                ItemType.Descriptive or ItemType.Number or ItemType.Scale or ItemType.ForcedChoice or ItemType.Date or ItemType.Text or _ => new Table2Block(item.Id, item.Label, item, null, null, Complement(table.Continuous.Single(c => c.Variable == item.Id))),
            });
        }

        foreach (var construct in shape.Constructs)
        {
            blocks.Add(new Table2Block(construct.Key, construct.Label, null, null, null, Complement(table.Continuous.Single(c => c.Variable == "\u0001" + construct.Key))));
        }

        var tests = new List<GroupTTest>();
        if (present.Count == 2)
        {
            foreach (var construct in shape.Constructs)
            {
                decimal[] Values(decimal code) =>
                    [.. included.Where(x => x.g == code).Select(x => x.w.Scores.GetValueOrDefault(construct.Key).Value).Where(v => v.HasValue).Select(v => v!.Value)];
                var (a, b) = (Values(present[0].Code), Values(present[1].Code));
                if (a.Length == 0 || b.Length == 0)
                {
                    continue; // measured in one group only (e.g. a construct asked only of those in work)
                }

                var hidden = a.Length < threshold || b.Length < threshold;
                tests.Add(new GroupTTest(construct, a.Length, b.Length, hidden, hidden || a.Length < 2 || b.Length < 2 ? null : TTests.Independent(a, b)));
            }
        }

        return new StudyTable2(offset, groupItem, present, HideColumnComplements(table.Columns, threshold), blocks, tests,
            survey.ParticipantCount, waves.Count, table.ExcludedWithoutGroup, threshold);
    }

    /// <summary>Table 3: for every construct, the RM-ANOVA over <paramref name="offsets"/> (at least two waves).</summary>
    public static StudyTable3 Table3(StudySurvey survey, IReadOnlyList<int> offsets, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(offsets);
        return new StudyTable3(offsets, [.. survey.Shape.Constructs.Select(c => Anova(survey, c, offsets, threshold))], survey.ParticipantCount, threshold);
    }

    /// <summary>RM-ANOVA (listwise) and the linear mixed model (every available value) of one construct over <paramref name="offsets"/>.</summary>
    public static ChangeComparison Compare(StudySurvey survey, SurveyConstruct construct, IReadOnlyList<int> offsets, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentNullException.ThrowIfNull(offsets);
        var matrix = survey.Matrix(construct.Key, offsets);
        var observations = new List<LongObservation>();
        for (var s = 0; s < matrix.Count; s++)
        {
            for (var j = 0; j < offsets.Count; j++)
            {
                if (matrix[s].Values[j] is { } y)
                {
                    observations.Add(new LongObservation(s, offsets[j], null, y));
                }
            }
        }

        var participants = observations.Select(o => o.Subject).Distinct().Count();
        var perWave = offsets.Select(o => observations.Count(x => x.Time == o)).ToList();
        MixedModelSide mixed;
        if (participants < threshold)
        {
            mixed = new MixedModelSide(participants, observations.Count, participants > 0, null, [.. perWave.Select(_ => true)], participants < 2 ? AnalysisProblem.TooFewParticipants : AnalysisProblem.None);
        }
        else
        {
            LinearMixedModelResult? fit = null;
            var problem = AnalysisProblem.None;
            try
            {
                fit = LinearMixedModel.Fit(observations, withGroup: false, LikelihoodMethod.Reml);
            }
            catch (ArgumentException)
            {
                problem = AnalysisProblem.NotEstimable;
            }

            mixed = new MixedModelSide(participants, observations.Count, false, fit, [.. perWave.Select(n => n < threshold)], problem);
        }

        return new ChangeComparison(construct, offsets, Anova(survey, construct, offsets, threshold), mixed, threshold);
    }

    private static ChangeRow Anova(StudySurvey survey, SurveyConstruct construct, IReadOnlyList<int> offsets, int threshold)
    {
        var matrix = survey.Matrix(construct.Key, offsets);
        var complete = matrix.Where(r => r.Values.All(v => v.HasValue)).ToList();
        var excluded = matrix.Count(r => r.Values.Any(v => v.HasValue) && !r.Values.All(v => v.HasValue));
        var used = complete.Count;
        if (used < threshold)
        {
            return new ChangeRow(construct, used, excluded, used > 0, null, used < 2 ? AnalysisProblem.TooFewParticipants : AnalysisProblem.None);
        }

        try
        {
            var result = RepeatedMeasuresAnova.Fit([.. complete.Select(r => (IReadOnlyList<decimal?>)r.Values)]);
            return new ChangeRow(construct, used, excluded, false, result, AnalysisProblem.None);
        }
        catch (ArgumentException)
        {
            return new ChangeRow(construct, used, excluded, false, null, AnalysisProblem.NotEstimable);
        }
    }

    private static MultiChoiceCharacteristic Multi(BackgroundItem item, List<(ParticipantWave W, decimal? G)> included, List<GroupLabel> groups, int threshold)
    {
        var width = 1 + groups.Count;
        var options = item.Options.Select(o => o.Code).ToList();
        var counts = new int[options.Count, width];
        var answered = new int[width];
        foreach (var (w, g) in included)
        {
            if (!w.Items.TryGetValue(item.Id, out var ticked) || ticked.Count == 0)
            {
                continue;
            }

            foreach (var c in new[] { 0, 1 + groups.FindIndex(x => x.Code == g) }.Where(c => c >= 0))
            {
                answered[c]++;
                foreach (var code in ticked)
                {
                    if (options.IndexOf(code) is >= 0 and var k)
                    {
                        counts[k, c]++;
                    }
                }
            }
        }

        var hidden = SmallCellSuppression.Suppress(counts, threshold);
        return new MultiChoiceCharacteristic(
            [.. options.Select((code, k) => (code, (IReadOnlyList<CountCell>)[.. Enumerable.Range(0, width).Select(c =>
                new CountCell(counts[k, c], answered[c] == 0 ? null : 100.0 * counts[k, c] / answered[c], hidden[k, c]))]))],
            answered);
    }

    /// <summary>With exactly one group's mean hidden, the whole sample's mean would give it away: hide that too.</summary>
    private static ContinuousCharacteristic Complement(ContinuousCharacteristic row)
    {
        var groupsHidden = row.Cells.Skip(1).Count(c => c.Hidden);
        return groupsHidden == 1 && !row.Cells[0].Hidden
            ? row with { Cells = [row.Cells[0] with { Hidden = true }, .. row.Cells.Skip(1)] }
            : row;
    }

    /// <summary>The column sizes as a line of counts (whole sample and groups): a small group's n is hidden with a complement.</summary>
    private static List<GroupCharacteristicsColumn> HideColumnComplements(IReadOnlyList<GroupCharacteristicsColumn> columns, int threshold)
    {
        var sizes = new int[1, columns.Count - 1];
        for (var c = 1; c < columns.Count; c++)
        {
            sizes[0, c - 1] = columns[c].N;
        }

        var hidden = columns.Count > 1 ? SmallCellSuppression.Suppress(sizes, threshold) : new bool[1, 0];
        return [columns[0], .. columns.Skip(1).Select((c, i) => c with { NHidden = hidden[0, i] })];
    }

    private static decimal? Single(ParticipantWave wave, string itemId) =>
        wave.Items.TryGetValue(itemId, out var v) && v.Count == 1 ? Code(v[0]) : null;

    private static decimal? Code(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}
