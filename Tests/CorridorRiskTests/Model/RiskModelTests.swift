import Testing
@testable import CorridorRisk

/// Each formula of the model against values worked out by hand (METHOD §2–§5).
@Suite struct RiskModelTests {
    @Test func theQuarticKernelIsOneOnTheUnitAndZeroFromTheRadius() {
        #expect(RiskModel.kernel(distance: 0, radius: 25) == 1)
        #expect(RiskModel.kernel(distance: 12.5, radius: 25) == 0.5625)    // (1 − 1/4)²
        #expect(close(RiskModel.kernel(distance: 9.6438, radius: 25), 0.724534, digits: 6))
        #expect(RiskModel.kernel(distance: 25, radius: 25) == 0)
        #expect(RiskModel.kernel(distance: 40, radius: 25) == 0)
    }

    @Test func theKernelAreasAreTheKernelsMassOverThePlane() {
        // Numeric integration of the quartic kernel around a point and beside a straight segment.
        let r = 25.0, steps = 20_000
        var point = 0.0, band = 0.0
        for k in 0..<steps {
            let x = (Double(k) + 0.5) * r / Double(steps)
            let kx = RiskModel.kernel(distance: x, radius: r)
            point += kx * 2 * Double.pi * x * r / Double(steps)
            band += 2 * kx * r / Double(steps)
        }
        #expect(close(RiskModel.pointKernelArea(radiusKm: r), point, digits: 6))
        #expect(close(RiskModel.segmentKernelArea(lengthKm: 10, radiusKm: r) - RiskModel.pointKernelArea(radiusKm: r), 10 * band, digits: 6))
        #expect(close(RiskModel.segmentKernelArea(lengthKm: 10, radiusKm: 25), 921.165))
        #expect(close(RiskModel.polygonKernelArea(areaKm2: 4, perimeterKm: 8, radiusKm: 25),
                      4 + 8 * 8.0 / 15.0 * 25 + Double.pi * 625 / 3))
    }

    @Test func decayHalvesEveryHalfLife() {
        #expect(RiskModel.decay(ageDays: 0, halfLifeDays: 365) == 1)
        #expect(RiskModel.decay(ageDays: 365, halfLifeDays: 365) == 0.5)
        #expect(RiskModel.decay(ageDays: 730, halfLifeDays: 365) == 0.25)
    }

    @Test func severityGrowsWithTheLogarithmOfCasualties() {
        let w = ModelParameters.SeverityWeights()
        #expect(RiskModel.severity(categoryWeight: 2, fatalities: 0, injured: 0, hostages: 0, weights: w) == 2)
        #expect(close(RiskModel.severity(categoryWeight: 2, fatalities: 2, injured: 3, hostages: 0, weights: w), 5.008155))
        #expect(RiskModel.casualtyMeasure(fatalities: 5, injured: 0, hostages: 100, weights: w) == 30)
    }

    @Test func relevanceAppliesWhenAnyTargetFits() {
        let rail = RiskModel.relevantTargets(kind: .rail, cpec: false)
        #expect(RiskModel.relevance(incidentTargets: [.rail, .civilians], assetTargets: rail, multiplier: 1.5) == 1.5)
        #expect(RiskModel.relevance(incidentTargets: [.civilians], assetTargets: rail, multiplier: 1.5) == 1)
        #expect(RiskModel.contribution(weight: 2, relevance: 1.5, kernel: 0.5, decay: 0.5) == 0.75)
    }

    @Test func theScoreSaturatesAndTiersFollowTheBounds() {
        #expect(RiskModel.score(risk: 0, kappa: 10) == 0)
        #expect(close(RiskModel.score(risk: 10, kappa: 10), 63.2121))
        #expect(close(RiskModel.score(risk: 6.11821, kappa: 10), 45.7638))
        let bounds = [20.0, 40, 60, 80]
        #expect([0, 19.99, 20, 59.9, 60, 80, 100].map { RiskModel.tier(score: $0, bounds: bounds) }
                == [.minimal, .minimal, .low, .moderate, .high, .extreme, .extreme])
        #expect(close(RiskModel.threat(exposure: 5.63588, kernelAreaKm2: 921.165), 6.11821))
        #expect(RiskModel.effectiveIncidents(exposure: 3, sumOfSquares: 5) == 1.8)
        #expect(RiskModel.effectiveIncidents(exposure: 0, sumOfSquares: 0) == 0)
    }

    @Test func trendDirectionsFollowTheThresholds() {
        func d(_ now: Double, _ before: Double) -> TrendDirection {
            RiskModel.trendDirection(now: now, before: before, rising: 1.25, falling: 0.8)
        }
        #expect(d(0, 0) == .none)
        #expect(d(1, 0) == .rising)
        #expect(d(1.25, 1) == .rising)
        #expect(d(1.2, 1) == .stable)
        #expect(d(0.8, 1) == .falling)
    }

    @Test func giStarAndItsBins() {
        // Five units, x = [1, 1, 1, 1, 6]; unit 4's neighbours are units 3 and 4.
        let x = [1.0, 1, 1, 1, 6], mean = 2.0
        let sd = RiskModel.standardDeviation(x, mean: mean)
        #expect(sd == 2)
        let z = RiskModel.giStar(neighbourSum: 7, neighbours: 2, n: 5, mean: mean, sd: sd)
        #expect(close(z!, 3 / (2 * (6.0 / 4).squareRoot())))
        #expect(RiskModel.giStar(neighbourSum: 10, neighbours: 5, n: 5, mean: mean, sd: sd) == nil)
        #expect(close(RiskModel.twoSidedP(1.959964), 0.05, digits: 5))
        #expect(RiskModel.hotSpotBin(p: 0.005, z: 3) == 3)
        #expect(RiskModel.hotSpotBin(p: 0.04, z: -2.1) == -2)
        #expect(RiskModel.hotSpotBin(p: 0.2, z: 1) == 0)
    }
}
