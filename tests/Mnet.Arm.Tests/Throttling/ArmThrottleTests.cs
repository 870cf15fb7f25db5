using Microsoft.Extensions.Time.Testing;
using Mnet.Arm.Throttling;

namespace Mnet.Arm.Tests.Throttling;

/// <summary>
/// Port of tests/arm/request-budget.test.ts and the throttle case of retry-parts.test.ts. A request books its start
/// synchronously (<see cref="ArmThrottle.Reserve"/>) and then waits; its start is therefore "now + wait", the time the
/// server would see, so the discrete-event schedule is computed exactly without waiting in real time.
/// </summary>
public sealed class ArmThrottleTests
{
    private const string SubA = "00000000-0000-0000-0000-00000000000a";
    private const string SubB = "00000000-0000-0000-0000-00000000000b";
    private static readonly double Guard = Ceilings.ArrivalGuardMs;

    private sealed record Start(double At, string Key, bool Write);

    /// <summary>A throttle on a fake clock; times are ms since the clock's start.</summary>
    private sealed class Budget
    {
        private readonly FakeTimeProvider _time = new();
        private readonly double _origin;
        private readonly ArmThrottle _throttle;

        public Budget(double writesPerSecond, double requestsPerSecond)
        {
            _origin = _time.GetUtcNow().ToUnixTimeMilliseconds();
            _throttle = new ArmThrottle(new ThrottleLimits(writesPerSecond, requestsPerSecond), _time);
        }

        public List<Start> Starts { get; } = [];
        public List<double> Sleeps { get; } = [];

        public double Now
        {
            get => _time.GetUtcNow().ToUnixTimeMilliseconds() - _origin;
            set => _time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds((long)(_origin + value)));
        }

        public Start Send(string key, bool write)
        {
            var wait = _throttle.Reserve(new ThrottleTicket(key, write)).TotalMilliseconds;
            if (wait > 0) Sleeps.Add(wait);
            var start = new Start(Now + wait, key, write);
            Starts.Add(start);
            return start;
        }

        public Start Read(string key) => Send(key, write: false);
        public Start Write(string key) => Send(key, write: true);
        public Start Graph() => Send(ArmThrottle.TenantKey, write: false);
    }

    /// <summary>Most start times in any half-open window [t, t + windowMs).</summary>
    private static int MaxInWindow(IEnumerable<double> times, double windowMs = 1000)
    {
        var sorted = times.Order().ToArray();
        var best = 0;
        for (int end = 0, start = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= windowMs) start++;
            best = Math.Max(best, end - start + 1);
        }
        return best;
    }

    private static double MinGap(IEnumerable<double> times)
    {
        var sorted = times.Order().ToArray();
        var best = double.PositiveInfinity;
        for (var i = 1; i < sorted.Length; i++) best = Math.Min(best, sorted[i] - sorted[i - 1]);
        return best;
    }

    /// <summary>The pacing spacing: the guarded window shared evenly, whole ms down (42 ms at 25/s).</summary>
    private static double Spacing(double perSecond) => Math.Floor((1000 + Guard) / perSecond);

    private static void AssertBudget(IReadOnlyCollection<double> times, double perSecond, string what)
    {
        Assert.True(MaxInWindow(times) <= perSecond, $"{what}: {MaxInWindow(times)} starts in one 1000-ms window, budget {perSecond}");
        Assert.True(MaxInWindow(times, 1000 + Guard) <= perSecond, $"{what}: over budget in a 1000 ms + guard window");
        Assert.True(MinGap(times) >= 1000 / perSecond, $"{what}: consecutive starts {MinGap(times)} ms apart");
    }

    private static double[] At(Budget b, Func<Start, bool> filter) => b.Starts.Where(filter).Select(s => s.At).ToArray();

    [Fact]
    public void A_hundred_requests_as_fast_as_possible_at_25_per_second_stay_within_every_window_and_are_paced()
    {
        var b = new Budget(0, 25);
        for (var i = 0; i < 100; i++) b.Read(SubA);
        var times = At(b, _ => true);
        Assert.Equal(100, times.Length);
        AssertBudget(times, 25, "reads");
        Assert.Equal(25, MaxInWindow(times, 1000 + Guard)); // the budget is used, not just respected
        Assert.Equal(Spacing(25), MinGap(times));
        Assert.Equal(99 * Spacing(25), times.Max());
    }

    [Fact]
    public void A_hundred_writes_as_fast_as_possible_at_25_per_second_hold_the_same_bounds_with_the_request_ceiling_off()
    {
        var b = new Budget(25, 0);
        for (var i = 0; i < 100; i++) b.Write(SubA);
        var times = At(b, _ => true);
        AssertBudget(times, 25, "writes");
        Assert.Equal(99 * Spacing(25), times.Max());
    }

    [Fact]
    public void Writes_arriving_one_at_a_time_faster_than_the_ceiling_stay_under_it_and_paced()
    {
        var b = new Budget(25, 0);
        for (var i = 0; i < 120; i++)
        {
            b.Now = 7 * i; // a caller issuing a write every 7 ms (143/s)
            b.Write(SubA);
        }
        Assert.Equal(120, b.Starts.Count);
        AssertBudget(At(b, _ => true), 25, "writes");
    }

    [Fact]
    public void Mixed_reads_and_writes_at_20_requests_and_5_writes_per_second_hold_both_ceilings_in_every_window()
    {
        var b = new Budget(5, 20);
        for (var i = 0; i < 120; i++)
        {
            if (i % 4 == 0) b.Write(SubA);
            else b.Read(SubA);
        }
        AssertBudget(At(b, _ => true), 20, "all requests");
        AssertBudget(At(b, s => s.Write), 5, "writes");
        Assert.Equal(20, MaxInWindow(At(b, _ => true)));
        // Reads take the places writes cannot use: the first window holds 20 requests, 5 of them writes.
        Assert.Equal(20, At(b, s => s.At < 1000 + Guard).Length);
        Assert.Equal(5, At(b, s => s.At < 1000 + Guard && s.Write).Length);
    }

    [Fact]
    public void Separate_subscriptions_do_not_share_a_budget_and_tenant_level_calls_have_their_own()
    {
        var b = new Budget(25, 20);
        for (var i = 0; i < 20; i++)
        {
            b.Read(SubA);
            b.Read(SubB);
            b.Graph();
        }
        var schedule = Enumerable.Range(0, 20).Select(i => i * Spacing(20)).ToArray();
        foreach (var key in new[] { SubA, SubB, ArmThrottle.TenantKey })
        {
            Assert.Equal(schedule, At(b, s => s.Key == key)); // each key paced from 0, as if alone
            AssertBudget(At(b, s => s.Key == key), 20, key);
        }
        Assert.Equal(60, MaxInWindow(At(b, _ => true))); // together over 20: the budget is per key
        b.Now = 1000;
        Assert.Equal(1000 + Guard, b.Read(SubA).At); // waits for A's window only
        Assert.Equal(1000 + Guard, b.Read(SubB).At);
        Assert.Equal(1000 + Guard, b.Graph().At); // B and tenant are charged for their own windows only
        foreach (var key in new[] { SubA, SubB, ArmThrottle.TenantKey }) AssertBudget(At(b, s => s.Key == key), 20, key);
    }

    [Fact]
    public void The_limiter_waits_only_for_the_spacing_and_the_window_none_for_a_lone_request_or_after_idle()
    {
        var b = new Budget(5, 20);
        b.Read(SubA);
        Assert.Empty(b.Sleeps); // a lone request goes at once
        b.Read(SubA);
        b.Read(SubA);
        Assert.Equal([Spacing(20), 2 * Spacing(20)], b.Sleeps); // one spacing, then two
        b.Sleeps.Clear();
        b.Now = 10_000;
        b.Write(SubA);
        b.Now = 10_000 + Spacing(20);
        b.Read(SubA);
        Assert.Empty(b.Sleeps); // once the spacing has passed, nothing waits
        Assert.Equal([10_000, 10_000 + Spacing(20)], b.Starts.TakeLast(2).Select(s => s.At));
    }

    [Fact]
    public void Rates_whose_spacing_is_not_exact_in_floating_point_still_book_and_hold_the_budget()
    {
        // Regression: (first + w) - first < w for inexact w made the log return the same time again, forever.
        foreach (var rate in new[] { 26, 7, 0.3 })
        {
            var b = new Budget(0, rate);
            var n = rate >= 1 ? (int)(3 * rate) : 4;
            for (var i = 0; i < n; i++) b.Read(SubA);
            var times = At(b, _ => true);
            Assert.Equal(n, times.Length);
            if (rate >= 1) AssertBudget(times, rate, $"{rate}/s");
            else Assert.True(MinGap(times) >= 1000 / rate, $"{rate}/s: {MinGap(times)}");
        }
    }

    [Fact]
    public void Fractional_and_disabled_rates()
    {
        Assert.Equal(new Ceiling(2, 1000), Ceilings.For(2.5, 0));
        Assert.Equal(new Ceiling(1, 2000), Ceilings.For(0.5, 0));
        foreach (var off in new[] { 0, -1, double.PositiveInfinity, double.NaN })
        {
            Assert.Null(Ceilings.For(off));
            Assert.Empty(Ceilings.Paced(off));
        }
        Assert.Equal([new Ceiling(25, 1000), new Ceiling(1, 40)], Ceilings.Paced(25, 0));
        Assert.Equal([new Ceiling(20, 1050), new Ceiling(1, 52)], Ceilings.Paced(20)); // whole ms, rounded down
        Assert.Equal([new Ceiling(5000, 1000)], Ceilings.Paced(5000, 0)); // no spacing below 1 ms
        Assert.Equal([new Ceiling(1, 2000)], Ceilings.Paced(0.5, 0)); // below 1/s the window is the spacing
        // A log books around existing places, including between future bookings.
        var log = new ReservationLog(new Ceiling(2, 1000));
        log.Book(0);
        log.Book(0);
        Assert.Equal(1000, log.Earliest(0));
        log.Book(3000);
        log.Book(3000);
        Assert.Equal(1500, log.Earliest(1500)); // a free place between bookings is used
        log.Book(1500);
        log.Book(1500);
        Assert.Equal(4000, log.Earliest(1500)); // 1500 is full, 2500 would be a third start in [2500, 3500)
    }

    [Fact]
    public async Task Write_ceiling_books_paced_places_per_subscription_and_the_next_when_the_first_leaves_the_window()
    {
        var time = new FakeTimeProvider();
        var throttle = new ArmThrottle(new ThrottleLimits(4, 0), time);
        // Six concurrent writes at t=0 on one subscription, one on another.
        var delays = Enumerable.Range(0, 6).Select(_ => throttle.Reserve(new ThrottleTicket("a", true))).ToList();
        delays.Add(throttle.Reserve(new ThrottleTicket("b", true)));
        var step = Math.Floor((1000 + Guard) / 4); // whole ms
        Assert.Equal(
            [0, step, 2 * step, 3 * step, 1000 + Guard, 1000 + Guard + step, 0],
            delays.Select(d => d.TotalMilliseconds));
        time.Advance(TimeSpan.FromSeconds(5)); // long after: no wait
        Assert.Equal(TimeSpan.Zero, await throttle.AcquireAsync(new ThrottleTicket("a", true), CancellationToken.None));
        var off = new ArmThrottle(new ThrottleLimits(0, 0), time);
        Assert.Equal(TimeSpan.Zero, await off.AcquireAsync(new ThrottleTicket("a", true), CancellationToken.None));
    }
}
