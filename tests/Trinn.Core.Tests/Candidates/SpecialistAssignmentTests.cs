using Trinn.Core.Candidates;

namespace Trinn.Core.Tests.Candidates;

public class SpecialistAssignmentTests
{
    private static readonly string[] Team = ["js1", "js2"];

    [Theory]
    [InlineData(null, null)]
    [InlineData("js1", null)]
    [InlineData(null, "js2")]
    [InlineData("js1", "js2")]
    [InlineData("", "")]
    public void Check_TeamSpecialistsOrNone_HasNoErrors(string? primary, string? backup)
    {
        Assert.Empty(SpecialistAssignment.Check(primary, backup, Team));
    }

    [Fact]
    public void Check_PrimaryFromAnotherTeam_IsRefusedAtThePrimary()
    {
        var error = Assert.Single(SpecialistAssignment.Check("other", "js2", Team));

        Assert.Equal((SpecialistAssignment.PrimaryField, "Error_SpecialistNotInTeam"), error);
    }

    [Fact]
    public void Check_BackupFromAnotherTeam_IsRefusedAtTheBackup()
    {
        var error = Assert.Single(SpecialistAssignment.Check("js1", "other", Team));

        Assert.Equal((SpecialistAssignment.BackupField, "Error_SpecialistNotInTeam"), error);
    }

    [Fact]
    public void Check_BackupSameAsPrimary_IsRefusedAtTheBackup()
    {
        var error = Assert.Single(SpecialistAssignment.Check("js1", "js1", Team));

        Assert.Equal((SpecialistAssignment.BackupField, "Error_BackupSameAsPrimary"), error);
    }

    [Fact]
    public void Check_NoTeam_RefusesEveryChoice()
    {
        var errors = SpecialistAssignment.Check("js1", "js2", []);

        Assert.Equal([(SpecialistAssignment.PrimaryField, "Error_SpecialistNotInTeam"), (SpecialistAssignment.BackupField, "Error_SpecialistNotInTeam")], errors);
    }

    [Fact]
    public void Fields_AreTheCandidatesOwnPropertyNames()
    {
        Assert.Equal("PrimarySpecialistId", SpecialistAssignment.PrimaryField);
        Assert.Equal("BackupSpecialistId", SpecialistAssignment.BackupField);
    }
}
