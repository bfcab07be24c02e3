using System.ComponentModel.DataAnnotations;

namespace Trinn.Core.Indicators;

/// <summary>The <c>Indicators</c> configuration section.</summary>
public sealed class IndicatorOptions
{
    public const string SectionName = "Indicators";

    /// <summary>Hours in a full-time working week; working time = FTE × this, minus registered absence.</summary>
    [Range(typeof(decimal), "1", "60")]
    public decimal WeeklyHours { get; set; } = 37.5m;

    /// <summary>A value within this many percent of its target shows yellow instead of red.</summary>
    [Range(0, 50)]
    public int NearTargetPercent { get; set; } = 10;

    /// <summary>The months of data before a fidelity round closes that its "from recorded data" scores are computed over.</summary>
    [Range(1, 24)]
    public int FidelityWindowMonths { get; set; } = 6;
}
