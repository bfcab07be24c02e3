using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Indicators;
using Trinn.Core.Placements;
using static Trinn.Core.Tests.Indicators.Scenario;

namespace Trinn.Core.Tests.Indicators;

/// <summary>Each data-answered fidelity item with its own answer bands (INSTRUMENTS.md A.2), on hand-built data.</summary>
public sealed class FidelityFromDataTests
{
    private static readonly DatePeriod March = new(D(2026, 3, 1), D(2026, 3, 31));

    private static FidelityDataItem Item(Scenario s, int item, DatePeriod? window = null) =>
        FidelityFromData.Compute(s.Data, window ?? March, Options).Single(i => i.Item == item);

    [Theory]
    // Item 1 bands: ≥41 → 1, 31–40 → 2, 26–30 → 3, 21–25 → 4, ≤20 → 5 (candidates per full-time specialist).
    [InlineData(41, 1)]
    [InlineData(40, 2)]
    [InlineData(31, 2)]
    [InlineData(30, 3)]
    [InlineData(26, 3)]
    [InlineData(25, 4)]
    [InlineData(21, 4)]
    [InlineData(20, 5)]
    public void Item1_CaseloadPerFullTimeSpecialist(int candidates, int score)
    {
        var s = new Scenario().Member("a", 1.0m);
        for (var i = 0; i < candidates; i++)
        {
            s.Candidate(D(2026, 1, 1));
        }

        Assert.Equal(score, Item(s, 1).Score);
    }

    [Fact]
    public void Item1_PartTime_CountsPerFullTime()
    {
        // 11 candidates at 50 %: 22 per full-time specialist → 4 (21–25).
        var s = new Scenario().Member("b", 0.5m);
        for (var i = 0; i < 11; i++)
        {
            s.Candidate(D(2026, 1, 1), primary: "b");
        }

        var item = Item(s, 1);
        Assert.Equal((4, 22m), (item.Score!.Value, item.Measure.Value!.Value));
    }

    // March 2026: 22 weekdays × 7.5 h = 165 h = 9900 min for one full-time specialist, so percent × 99 minutes is that share.
    // Item 2 (candidate-directed): <60 → 1, 60–74 → 2 (the form's "60–70 %" repaired), 75–89 → 3, 90–95 → 4, ≥96 → 5.
    [Theory]
    [InlineData(59.9, 1)]
    [InlineData(60, 2)]
    [InlineData(74.9, 2)]
    [InlineData(75, 3)]
    [InlineData(89.9, 3)]
    [InlineData(90, 4)]
    [InlineData(95.9, 4)]
    [InlineData(96, 5)]
    public void Item2_CandidateDirectedShareOfWorkingTime(double percent, int score)
    {
        var s = new Scenario().Member("a", 1.0m);
        var minutes = (int)Math.Round(percent * 99);
        s.Logged("a", D(2026, 3, 10), minutes + 120, 0, directed: minutes);
        Assert.Equal(score, Item(s, 2).Score);
    }

    // Item 18 (at employers): <30 → 1, 30–39 → 2, 40–49 → 3, 50–64 → 4, ≥65 → 5.
    [Theory]
    [InlineData(29.9, 1)]
    [InlineData(30, 2)]
    [InlineData(40, 3)]
    [InlineData(49.9, 3)]
    [InlineData(50, 4)]
    [InlineData(64.9, 4)]
    [InlineData(65, 5)]
    public void Item18_TimeAtEmployersShareOfWorkingTime(double percent, int score)
    {
        var s = new Scenario().Member("a", 1.0m);
        var minutes = (int)Math.Round(percent * 99);
        s.Logged("a", D(2026, 3, 10), minutes, minutes, atEmployer: minutes);
        Assert.Equal(score, Item(s, 18).Score);
    }

    [Theory]
    // In-person employer contacts per full-time week; March 2026 = 165 h / 37.5 h = 4.4 weeks.
    // <2 → 1, 2–3 → 2, ≥4 → 3, ≥5 → 4, ≥6 → 5.
    [InlineData(8, 1)] // 1.82 a week
    [InlineData(9, 2)] // 2.05
    [InlineData(17, 2)] // 3.86
    [InlineData(18, 3)] // 4.09
    [InlineData(22, 4)] // 5.0
    [InlineData(26, 4)] // 5.91
    [InlineData(27, 5)] // 6.14
    public void Item11_InPersonEmployerContactsPerWeek(int contacts, int score)
    {
        var s = new Scenario().Member("a", 1.0m);
        s.Contact("a", D(2026, 3, 10), contacts + 5, contacts);
        Assert.Equal(score, Item(s, 11).Score);
    }

    [Fact]
    public void Items13To15_SharesOfPlacements()
    {
        // Candidates in paid work in March: A (two paid jobs), B (one), C (one), D (one) → 1 of 4 helped to more than
        // one job = 25 % → item 13 score 1.
        // Dropouts/mismatches in March: B (dropped out 10 March, new job trial 20 March), C (mismatch 15 March, nothing
        // since) → 1 of 2 = 50 % → item 14 score 1 (below 65 %).
        // Placements started in March: A's second job (paid, regular), B's arbeidstrening, D's job (paid, sheltered),
        // E's two paid regular jobs → 3 of 5 regular paid work = 60 % → item 15 score 1; without the sheltered one and the
        // trial it would be 3 of 3.
        var s = new Scenario();
        var a = s.Candidate(D(2025, 6, 1));
        s.Placement(a, PlacementKind.Temporary, D(2025, 9, 1), D(2026, 2, 28), PlacementEnding.ContractEnded);
        s.Placement(a, PlacementKind.Permanent, D(2026, 3, 2));
        var b = s.Candidate(D(2025, 6, 1));
        s.Placement(b, PlacementKind.Permanent, D(2026, 1, 5), D(2026, 3, 10), PlacementEnding.DroppedOut);
        s.Placement(b, PlacementKind.Arbeidstrening, D(2026, 3, 20));
        var c = s.Candidate(D(2025, 6, 1));
        s.Placement(c, PlacementKind.Temporary, D(2026, 2, 1), D(2026, 3, 15), PlacementEnding.Mismatch);
        var d = s.Candidate(D(2025, 6, 1));
        s.Placement(d, PlacementKind.Permanent, D(2026, 3, 5), market: LabourMarket.Sheltered);
        var e = s.Candidate(D(2025, 6, 1), D(2026, 2, 20), DischargeOutcome.OrdinaryWork);
        s.Placement(e, PlacementKind.Permanent, D(2026, 3, 1));
        s.Placement(e, PlacementKind.OnCall, D(2026, 3, 2));

        Assert.Equal(new Measure(25m, 1, 4), Item(s, 13).Measure);
        Assert.Equal(1, Item(s, 13).Score);
        Assert.Equal(new Measure(50m, 1, 2), Item(s, 14).Measure);
        Assert.Equal(1, Item(s, 14).Score);
        Assert.Equal(new Measure(60m, 3, 5), Item(s, 15).Measure);
        Assert.Equal(1, Item(s, 15).Score);
    }

    [Theory]
    [InlineData(64.9, 1)]
    [InlineData(65, 2)]
    [InlineData(75, 3)]
    [InlineData(85, 4)]
    [InlineData(94.9, 4)]
    [InlineData(95, 5)]
    public void Item15_Bands(double regularPercent, int score)
    {
        // 1000 placements started in March: regularPercent × 10 of them paid regular work, the rest arbeidstrening.
        var s = new Scenario();
        var c = s.Candidate(D(2025, 6, 1));
        var regular = (int)Math.Round(regularPercent * 10);
        for (var i = 0; i < 1000; i++)
        {
            s.Placement(c, i < regular ? PlacementKind.Permanent : PlacementKind.Arbeidstrening, D(2026, 3, 2));
        }

        Assert.Equal(score, Item(s, 15).Score);
    }

    [Fact]
    public void Item16_FollowAlongSupport_Levels()
    {
        // Four candidates in paid work in March. Met at work after their start: A, B, C (3 of 4 = 75 %: "most" → at least 3).
        // Employer support (a follow-up or support-measure contact in March, or a support measure): A and B = 2 of 4
        // (half) → 4. Career help: none yet → 4. Then A's first job ends for a better one → 5.
        var s = new Scenario();
        var ids = new List<int>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var c = s.Candidate(D(2025, 6, 1));
            s.Placement(c, PlacementKind.Permanent, D(2026, 1, 5));
            ids.Add(c);
        }

        foreach (var id in ids.Take(3))
        {
            s.Meetings.Add(new CandidateDate(id, D(2026, 3, 10)));
        }

        s.SupportContacts.Add(new SupportContact(ids[0], 1, D(2026, 3, 11), Core.Employers.EmployerContactPurpose.FollowUp));
        s.Measures.Add(new MeasureRow(1, s.Placements[1].Id, ids[1], SupportMeasureKind.Tilretteleggingsplan, D(2026, 1, 5), null, null, null));
        Assert.Equal((4, 75m), (Item(s, 16).Score!.Value, Item(s, 16).Measure.Value!.Value));

        s.Placements[0] = s.Placements[0] with { End = D(2026, 3, 20), Ending = PlacementEnding.BetterJob };
        Assert.Equal(5, Item(s, 16).Score);

        s.Meetings.RemoveAll(m => m.CandidateId == ids[2]);
        s.Meetings.RemoveAll(m => m.CandidateId == ids[1]);
        // 1 of 4 = 25 % met: "about half or fewer" → 2.
        Assert.Equal(2, Item(s, 16).Score);
        s.Meetings.Clear();
        Assert.Equal(1, Item(s, 16).Score);
    }

    [Fact]
    public void Item17_FollowUpPlanLevels_HighestLevelHalfTheJobsReach()
    {
        // Window January – June 2026, today 1 July. Four paid jobs:
        //  J1 all due slots met                                   → level 5
        //  J2 before-start missed, weekly and monthly met         → level 4
        //  J3 weekly missed, met at work 5 months after start     → level 3
        //  J4 nothing met                                         → level 1
        // Jobs at level ≥5: 1 of 4; ≥4: 2 of 4 (half) → score 4. Measure: 2 of 4 at level 4–5 = 50 %.
        var s = new Scenario();
        var window = new DatePeriod(D(2026, 1, 1), D(2026, 6, 30));
        var start = D(2026, 1, 12);

        void Plan(int c, int job, bool before, bool weekly, bool monthly)
        {
            s.FollowUp(c, job, FollowUpKind.BeforeStart, start.AddDays(-3), before ? start.AddDays(-3) : null);
            s.FollowUp(c, job, FollowUpKind.AfterStart, start.AddDays(2), weekly ? start.AddDays(2) : null);
            s.FollowUp(c, job, FollowUpKind.Weekly, start.AddDays(7), weekly ? start.AddDays(8) : null);
            s.FollowUp(c, job, FollowUpKind.Monthly, start.AddMonths(2), monthly ? start.AddMonths(2) : null);
        }

        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var c = s.Candidate(D(2025, 9, 1));
            ids.Add(c);
            s.Placement(c, PlacementKind.Permanent, start);
        }

        Plan(ids[0], s.Placements[0].Id, true, true, true);
        Plan(ids[1], s.Placements[1].Id, false, true, true);
        Plan(ids[2], s.Placements[2].Id, true, false, false);
        Plan(ids[3], s.Placements[3].Id, false, false, false);
        s.Meetings.Add(new CandidateDate(ids[2], start.AddMonths(5)));

        var item = Item(s, 17, window);
        Assert.Equal(4, item.Score);
        Assert.Equal(new Measure(50m, 2, 4), item.Measure);
    }

    [Fact]
    public void NoData_NoScore()
    {
        var items = FidelityFromData.Compute(new Scenario().Data, March, Options);
        Assert.Equal(FidelityFromData.Items, items.Select(i => i.Item));
        Assert.All(items, i => Assert.Null(i.Score));
    }

    [Theory]
    [InlineData(3.4, 5, true)]
    [InlineData(4.2, 5, false)]
    [InlineData(4.0, 5, true)]
    [InlineData(2.0, 1, true)]
    public void Differs_OneBandOrMore(double self, int data, bool differs) =>
        Assert.Equal(differs, FidelityFromData.Differs((decimal)self, data));
}
