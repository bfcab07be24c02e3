using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Tests.Candidates;

public class ProfileHoursTests
{
    private static VocationalProfileVersion NewVersion() => new() { CandidateId = 1, VersionNumber = 1, SavedById = "u1" };

    [Theory]
    [InlineData(null, null)]
    [InlineData(20, null)]
    [InlineData(null, 30)]
    [InlineData(20, 30)]
    [InlineData(25, 25)]
    [InlineData(1, 60)]
    public void SetPreferredHours_WithinRange_IsKept(int? min, int? max)
    {
        var p = NewVersion();

        p.SetPreferredHours(min, max);

        Assert.Equal((min, max), (p.PreferredHoursMin, p.PreferredHoursMax));
    }

    [Fact]
    public void SetPreferredHours_MinAboveMax_IsRefusedAtTheMax()
    {
        var p = NewVersion();

        var ex = Assert.Throws<DomainException>(() => p.SetPreferredHours(30, 20));

        Assert.Equal(nameof(VocationalProfileVersion.PreferredHoursMax), ex.Field);
        Assert.Equal("Error_HoursMinAboveMax", ex.MessageKey);
        Assert.Null(p.PreferredHoursMin);
    }

    [Theory]
    [InlineData(0, null, nameof(VocationalProfileVersion.PreferredHoursMin))]
    [InlineData(61, null, nameof(VocationalProfileVersion.PreferredHoursMin))]
    [InlineData(null, 0, nameof(VocationalProfileVersion.PreferredHoursMax))]
    [InlineData(null, 61, nameof(VocationalProfileVersion.PreferredHoursMax))]
    public void SetPreferredHours_OutOfRange_IsRefusedAtThatField(int? min, int? max, string field)
    {
        var ex = Assert.Throws<DomainException>(() => NewVersion().SetPreferredHours(min, max));

        Assert.Equal(field, ex.Field);
        Assert.Equal("Error_HoursPerWeek", ex.MessageKey);
    }
}
