using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Bench.Lib;

namespace Mnet.Bench.Report;

/// <summary>What <c>--json</c> prints: one object, the keys first in each section.</summary>
public static class JsonFigures
{
    public static JsonObject Of(BenchResults r)
    {
        var d = r.Drift;
        var m = r.Migration;
        var c = r.ColdStart;
        return new JsonObject
        {
            ["date"] = r.Date.ToString("O"),
            ["command"] = r.Command,
            ["quick"] = r.Quick,
            ["totalSeconds"] = Round(r.TotalSeconds),
            ["machine"] = JsonSerializer.SerializeToNode(r.Machine, BenchJson.Options),
            ["drift"] = new JsonObject
            {
                ["workspaces"] = d.Workspaces,
                ["subscriptions"] = d.Subscriptions,
                ["armRequests"] = d.Graph.ArmRequests,
                ["evalMs"] = Round(d.Graph.EvaluationCpuMs),
                ["peakRssMb"] = Round(d.Graph.PeakRssMb),
                ["historyBytes"] = d.Graph.HistoryBytes,
                ["historyEvents"] = d.Graph.HistoryEvents,
                ["wallMs"] = Round(d.Graph.WallMs),
                ["naiveArmRequests"] = d.Naive.ArmRequests,
                ["naiveWallMs"] = Round(d.Naive.WallMs),
                ["naiveEvalMsCold"] = Round(d.Naive.EvaluationCpuMs),
                ["naivePeakRssMb"] = Round(d.Naive.PeakRssMb),
                ["requestRatio"] = Round((double)d.Naive.ArmRequests / Math.Max(1, d.Graph.ArmRequests)),
                ["timeRatio"] = Round(d.Naive.WallMs / d.Graph.WallMs),
                ["emulatorRequests"] = new JsonObject { ["graph"] = d.EmulatorGraphRequests, ["naive"] = d.EmulatorNaiveRequests },
                ["graph"] = JsonSerializer.SerializeToNode(d.Graph, BenchJson.Options),
                ["naive"] = JsonSerializer.SerializeToNode(d.Naive, BenchJson.Options),
            },
            ["migration"] = new JsonObject
            {
                ["resources"] = m.Resources,
                ["ratioToCriticalPath"] = Round(m.RatioToCriticalPath),
                ["sequentialRatio"] = Round(m.SequentialRatio),
                ["speedUp"] = Round(m.SpeedUp),
                ["criticalPathMinutes"] = Round(m.CriticalPathMinutes),
                ["orchestratedMinutes"] = Round(m.OrchestratedMinutes),
                ["sequentialMinutes"] = Round(m.SequentialMinutes),
                ["orchestratedTimeScale"] = m.OrchestratedTimeScale,
                ["sequentialTimeScale"] = m.SequentialTimeScale,
                ["orchestratedArmRequests"] = m.OrchestratedArmRequests,
                ["sequentialArmRequests"] = m.SequentialArmRequests,
                ["maxRequestsPerEmulatedSecond"] = m.MaxRequestsPerEmulatedSecond,
                ["orchestratedWallSeconds"] = Round(m.OrchestratedWallSeconds),
                ["sequentialWallSeconds"] = Round(m.SequentialWallSeconds),
                ["phases"] = JsonSerializer.SerializeToNode(m.Phases, BenchJson.Options),
            },
            ["orchestration"] = JsonSerializer.SerializeToNode(m.History, BenchJson.Options),
            ["etiquette"] = JsonSerializer.SerializeToNode(r.Etiquette, BenchJson.Options),
            ["coldStart"] = JsonSerializer.SerializeToNode(c, BenchJson.Options),
        };
    }

    static double Round(double value) => Math.Round(value, 2);
}
