using FsCheck;
using FsCheck.Fluent;
using Trinn.Core.Opportunities;

namespace Trinn.Core.Tests.Opportunities;

public class JobMatchingTests
{
    private static CandidatePreferences Wants(string? industries = null, int? min = null, int? max = null, string? places = null, int id = 1, bool active = true) =>
        new(id, active, industries, min, max, places);

    private static OpportunityTerms Job(string? industry = "Lager og logistikk", int hours = 20, string place = "Oslo øst",
        OpportunityStatus status = OpportunityStatus.Open, int? carvedFor = null, int id = 10) =>
        new(id, status, industry, hours, place, carvedFor);

    [Fact]
    public void Evaluate_AllThreeFit_MatchWithEveryReason()
    {
        var match = JobMatching.Evaluate(Wants("Varehandel, lager", 15, 25, "Oslo øst"), Job());

        Assert.Equal(new JobMatch(CriterionFit.Fits, CriterionFit.Fits, CriterionFit.Fits, false, true), match);
    }

    [Fact]
    public void Evaluate_IndustryWishIsPartOfJobIndustryIgnoringCase_Fits()
    {
        // "lager" (from "Varehandel, LAGER") is inside "lager og logistikk".
        Assert.Equal(CriterionFit.Fits, JobMatching.Evaluate(Wants("Varehandel, LAGER"), Job()).Industry);
    }

    [Fact]
    public void Evaluate_JobPlaceInsideCandidatesWish_Fits()
    {
        // The job's "Oslo" is part of the wish "Oslo øst": the other direction of the containment.
        Assert.Equal(CriterionFit.Fits, JobMatching.Evaluate(Wants(places: "Oslo øst"), Job(place: "Oslo")).Place);
    }

    [Fact]
    public void Evaluate_OneCriterionRefused_NoMatchEvenIfOthersFit()
    {
        // Industry and place fit, but 30 hours is above the wished maximum of 25.
        var match = JobMatching.Evaluate(Wants("lager", 10, 25, "Oslo øst"), Job(hours: 30));

        Assert.Equal(CriterionFit.DoesNotFit, match.Hours);
        Assert.False(match.IsMatch);
    }

    [Fact]
    public void Evaluate_NothingKnownOnEitherSide_NoMatch()
    {
        var match = JobMatching.Evaluate(Wants(), Job());

        Assert.Equal((CriterionFit.Unknown, CriterionFit.Unknown, CriterionFit.Unknown), (match.Industry, match.Hours, match.Place));
        Assert.False(match.IsMatch);
    }

    [Fact]
    public void Evaluate_OnlyHoursKnownAndInside_Match()
    {
        Assert.True(JobMatching.Evaluate(Wants(min: 20, max: 20), Job(industry: null, hours: 20)).IsMatch);
    }

    [Theory]
    [InlineData(null, 25, 25, true)]
    [InlineData(26, null, 25, false)]
    [InlineData(25, null, 25, true)]
    [InlineData(null, 24, 25, false)]
    public void Evaluate_OpenEndedHourRange_InclusiveBounds(int? min, int? max, int hours, bool fits)
    {
        Assert.Equal(fits ? CriterionFit.Fits : CriterionFit.DoesNotFit, JobMatching.Evaluate(Wants(min: min, max: max), Job(hours: hours)).Hours);
    }

    [Fact]
    public void Evaluate_WishShorterThanThreeLetters_Ignored()
    {
        // "it" would otherwise be found inside "logistikk"; it is dropped, so the industry is unknown.
        Assert.Equal(CriterionFit.Unknown, JobMatching.Evaluate(Wants("it"), Job()).Industry);
    }

    [Fact]
    public void Wishes_SplitsAtSeparatorsAndNorwegianConjunctions()
    {
        Assert.Equal(["butikk", "lager", "kantine", "renhold"], JobMatching.Wishes("Butikk/lager; kantine eller renhold."));
    }

    [Fact]
    public void Evaluate_NotOpenOrCandidateDischarged_NoMatch()
    {
        var wants = Wants("lager", 10, 30, "Oslo øst");

        Assert.False(JobMatching.Evaluate(wants, Job(status: OpportunityStatus.Filled)).IsMatch);
        Assert.False(JobMatching.Evaluate(wants, Job(status: OpportunityStatus.Closed)).IsMatch);
        Assert.False(JobMatching.Evaluate(wants with { Active = false }, Job()).IsMatch);
    }

    [Fact]
    public void Evaluate_CarvedJob_MatchesOnlyItsCandidateWhateverTheWishes()
    {
        var carved = Job(industry: "Gartneri", hours: 12, place: "Groruddalen", carvedFor: 7);

        var own = JobMatching.Evaluate(Wants("lager", 20, 30, "Oslo sentrum", id: 7), carved);
        var other = JobMatching.Evaluate(Wants("gartneri", 10, 15, "Groruddalen", id: 8), carved);

        Assert.True(own.IsMatch);
        Assert.True(own.CarvedForCandidate);
        Assert.Equal(CriterionFit.DoesNotFit, own.Industry);
        Assert.False(other.IsMatch);
    }

    private static readonly string[] Words = ["lager", "Lager og logistikk", "butikk", "Servering", "kantine", "Oslo øst", "Oslo", "Groruddalen", "it", ""];

    private static Gen<string?> Text() =>
        Gen.Elements(Words).ListOf().Select(ws => ws.Count == 0 ? null : string.Join(", ", ws));

    private static Gen<CandidatePreferences> Candidates(int id) =>
        from industries in Text()
        from min in Gen.Choose(0, 40)
        from max in Gen.Choose(0, 60)
        from places in Text()
        from active in Gen.Elements(true, true, false)
        select new CandidatePreferences(id, active, industries, min == 0 ? null : min, max == 0 ? null : max, places);

    private static Gen<OpportunityTerms> Opportunities(int id) =>
        from industry in Text()
        from hours in Gen.Choose(1, 60)
        from place in Gen.Elements(Words)
        from status in Gen.Elements(OpportunityStatus.Open, OpportunityStatus.Open, OpportunityStatus.Filled, OpportunityStatus.Closed)
        from carved in Gen.Choose(0, 8)
        select new OpportunityTerms(id, status, industry, hours, place, carved > 5 ? carved - 5 : null);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ForCandidateAndForOpportunity_AreSymmetric()
    {
        // Three candidates (ids 1–3) and three opportunities (ids 11–13): a candidate lists an opportunity iff the opportunity lists the candidate.
        var world = (from c1 in Candidates(1)
                     from c2 in Candidates(2)
                     from c3 in Candidates(3)
                     from o1 in Opportunities(11)
                     from o2 in Opportunities(12)
                     from o3 in Opportunities(13)
                     select (Candidates: new List<CandidatePreferences> { c1, c2, c3 }, Opportunities: new List<OpportunityTerms> { o1, o2, o3 })).ToArbitrary();
        return Prop.ForAll(world, w =>
            w.Candidates.All(c => w.Opportunities.All(o =>
                JobMatching.ForCandidate(c, w.Opportunities).Any(m => m.Opportunity.OpportunityId == o.OpportunityId)
                == JobMatching.ForOpportunity(o, w.Candidates).Any(m => m.Candidate.CandidateId == c.CandidateId))));
    }
}
