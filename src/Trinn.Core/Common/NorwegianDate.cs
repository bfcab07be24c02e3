namespace Trinn.Core.Common;

/// <summary>Instants are stored in UTC; the calendar day they fall on is counted in Norway.</summary>
public static class NorwegianDate
{
    /// <summary>Norway's time zone, with its summer time.</summary>
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The Norwegian calendar day of an instant stored in UTC (23:30 UTC is already the next day in Norway).</summary>
    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Oslo));
}
