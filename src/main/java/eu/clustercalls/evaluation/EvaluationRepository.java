package eu.clustercalls.evaluation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

    List<Evaluation> findByApplicationIdOrderById(Long applicationId);

    List<Evaluation> findByApplicationIdIn(Collection<Long> applicationIds);

    /** Evaluations each evaluator holds in a call, conflicts not counted: the load the round-robin balances. */
    @Query("select e.evaluator, count(e) from Evaluation e where e.callId = :callId and e.conflict = false group by e.evaluator")
    List<Object[]> loadByEvaluator(Long callId);
}
