-- LifecycleBenchmark only (spring.flyway.locations of that test): the row each service task of the bare process
-- inserts through JPA, with a sequence allocated 50 at a time like the application's own tables.
create sequence bench_step_seq start with 1 increment by 50;
create table bench_step (
    id bigint primary key,
    process_instance_id varchar(64) not null,
    activity_id varchar(255) not null,
    created_at timestamp with time zone not null
);
