namespace Trinn.Core.Surveys;

/// <summary>
/// The report's use of job-related self-efficacy: a drop between waves suggests the candidate needs more follow-up at
/// the workplace. The in-work and not-in-work versions ask the same three tasks, so the wave's value is whichever was
/// answered (a candidate can change branch between waves). A drop is a fall of at least <see cref="Threshold"/>
/// points on the 1–10 scale from the previous answered wave.
/// </summary>
public static class SelfEfficacyDrop
{
    public const string InWork = "self_efficacy_in_work";
    public const string NotInWork = "self_efficacy_not_in_work";
    public const decimal Threshold = 1.0m;

    /// <summary>The value per wave (in wave order), and for each wave whether it dropped from the previous one with a value.</summary>
    public static IReadOnlyList<(int Wave, decimal? Value, bool Dropped)> Evaluate(IEnumerable<(int Wave, string Construct, decimal? Value)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var perWave = scores
            .Where(s => s.Construct is InWork or NotInWork)
            .GroupBy(s => s.Wave)
            .OrderBy(g => g.Key)
            .Select(g => (Wave: g.Key, Value: g.FirstOrDefault(s => s.Construct == InWork && s.Value is not null).Value ?? g.FirstOrDefault(s => s.Construct == NotInWork).Value))
            .ToList();
        var result = new List<(int, decimal?, bool)>();
        decimal? previous = null;
        foreach (var (wave, value) in perWave)
        {
            var dropped = value is { } v && previous is { } p && p - v >= Threshold;
            result.Add((wave, value, dropped));
            previous = value ?? previous;
        }

        return result;
    }
}
